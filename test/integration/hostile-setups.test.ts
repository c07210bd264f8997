import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';
import { linkIntoRepo } from '../helpers/linked-leakguard.js';

/**
 * Hostile git setups: configuration, attributes, encodings and repository layouts that change
 * what `git diff` prints or where the index lives. Each test stages (or commits) a secret in a
 * real repository set up that way and proves leakguard still finds it. Cases already covered
 * elsewhere are listed in docs/threat-model.md (diff.external, diff.noprefix, color.diff,
 * core.quotepath, textconv, names with spaces/tabs/newlines, CRLF, latin-1, worktrees, renames
 * with edits, GIT_INDEX_FILE, merge resolutions in history).
 */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const token = () => expandTemplate('ghp_{{crc32b62:30}}');
const staged = (cwd = repo.dir, env: NodeJS.ProcessEnv = {}) => runCli(['--staged', '--format', 'json'], { cwd, env });
const found = (r: ReturnType<typeof staged>) => {
  expect(r.exitCode, r.stderr).toBe(1);
  return json(r).findings.map((f) => `${String(f.file)}:${String(f.line)}`);
};

describe('attributes that make git call a text file binary', () => {
  it.each([
    ['-diff', '*.txt -diff\n'],
    ['binary', '*.txt binary\n'],
    ['a diff driver with binary = true', '*.txt diff=opaque\n'],
  ])('.gitattributes %s: the staged text is still scanned', (_name, attributes) => {
    repo.git('config', 'diff.opaque.binary', 'true');
    repo.write('.gitattributes', attributes);
    repo.write('notes.txt', 'line one\nline two\n');
    repo.commit('attributes');
    repo.write('notes.txt', `line one\ntoken = "${token()}"\nline two\n`);
    repo.git('add', '-A');
    expect(found(staged())).toEqual(['notes.txt:2']);
  });

  it('-diff on a new file, and only the new lines of a changed file are reported', () => {
    repo.write('.gitattributes', '*.cfg -diff\n');
    repo.write('old.cfg', `a = 1\nold = "${token()}"\n`);
    repo.commit('old secret, committed before leakguard');
    const committed = repo.gitRaw(['show', 'HEAD:old.cfg']).stdout;
    repo.write('old.cfg', `${committed}new = "${token()}"\n`);
    repo.write('fresh.cfg', `k = "${token()}"\n`);
    repo.git('add', '-A');
    expect(found(staged()).sort()).toEqual(['fresh.cfg:1', 'old.cfg:3']);
  });

  it('a renamed -diff file with an edit: only the edit is reported, not the lines it had under its old name', () => {
    repo.write('.gitattributes', '*.cfg -diff\n');
    const lines = Array.from({ length: 10 }, (_, i) => `setting${i} = ${i}`);
    repo.write('old.cfg', `${lines.join('\n')}\nold = "${token()}"\n`);
    repo.commit('old secret, committed before leakguard');
    repo.git('mv', 'old.cfg', 'new.cfg');
    const committed = repo.gitRaw(['show', 'HEAD:old.cfg']).stdout;
    repo.write('new.cfg', `${committed}new = "${token()}"\n`);
    repo.git('add', '-A');
    expect(repo.git('diff', '--cached', '--name-status', '-M')).toMatch(/^R\d+\s+old\.cfg\s+new\.cfg/m);
    expect(found(staged())).toEqual(['new.cfg:12']);
  });

  it('a -diff file over --max-file-size is named as skipped (a warning), not read into memory', () => {
    repo.write('.gitattributes', '*.log -diff\n');
    repo.write('big.log', `${'x'.repeat(3000)}\ntoken = "${token()}"\n`);
    repo.git('add', '-A');
    const r = runCli(['--staged', '--max-file-size', '1000'], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/Skipped big\.log: \d+ bytes, binary to git; rerun with --max-file-size/);
    expect(runCli(['--staged'], { cwd: repo.dir }).exitCode).toBe(1);
  });

  it('a real binary file stays skipped', () => {
    repo.write('.gitattributes', '*.bin -diff\n');
    repo.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 2, 0, 255]), Buffer.from('padding')]));
    repo.git('add', '-A');
    expect(staged().exitCode).toBe(0);
  });
});

describe('encodings', () => {
  it('UTF-16 with a BOM (git sees NUL bytes and calls it binary) is decoded and scanned', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`first = 1\r\ntoken = "${token()}"\r\n`, 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`token = "${token()}"\n`, 'utf16le').swap16()]);
    repo.write('win.ini', le);
    repo.write('mac.txt', be);
    repo.git('add', '-A');
    expect(found(staged()).sort()).toEqual(['mac.txt:1', 'win.ini:2']);
  });
});

describe('history scans of files git calls binary', () => {
  it('-diff and UTF-16 files in commits are scanned by --all-commits, at the commit that added the line; real binaries stay skipped', () => {
    repo.write('.gitattributes', '*.cfg -diff\n');
    repo.write('app.cfg', 'a = 1\n');
    repo.commit('attributes');
    repo.write('app.cfg', `a = 1\nkey = "${token()}"\n`);
    const first = repo.commit('add a key');
    repo.write('win.ini', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`token = "${token()}"\r\n`, 'utf16le')]));
    repo.write('blob.bin', Buffer.concat([Buffer.from([0, 1, 0]), Buffer.from(token())]));
    const second = repo.commit('add more');
    const r = runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(json(r).findings.map((f) => `${String(f.file)}:${String(f.line)}@${String(f.commit)}`).sort()).toEqual([`app.cfg:2@${first}`, `win.ini:1@${second}`].sort());
  });
});

describe('where the repository and index live', () => {
  it('GIT_DIR and GIT_WORK_TREE set, run from an unrelated folder', () => {
    repo.write('a.py', `TOKEN = "${token()}"\n`);
    repo.git('add', '-A');
    const elsewhere = join(repo.dir, '..', 'elsewhere');
    mkdirSync(elsewhere);
    expect(found(staged(elsewhere, { GIT_DIR: join(repo.dir, '.git'), GIT_WORK_TREE: repo.dir }))).toEqual(['a.py:1']);
  });

  it('a separate git dir (git init --separate-git-dir, .git is a file)', () => {
    const work = join(repo.dir, '..', 'separate-work');
    const gitDir = join(repo.dir, '..', 'separate.git');
    mkdirSync(work);
    spawnSync('git', ['init', '-q', '-b', 'main', '--separate-git-dir', gitDir, work], { env: testEnv() });
    writeFileSync(join(work, 'a.js'), `const t = "${token()}";\n`);
    spawnSync('git', ['add', '-A'], { cwd: work, env: testEnv() });
    expect(found(staged(work))).toEqual(['a.js:1']);
  });

  it('sparse checkout: inside the cone, and a file staged outside it', () => {
    repo.write('in/keep.txt', 'keep\n');
    repo.write('out/other.txt', 'other\n');
    repo.commit('layout');
    repo.git('sparse-checkout', 'set', 'in');
    repo.write('in/app.js', `const t = "${token()}";\n`);
    repo.git('add', 'in/app.js');
    const blob = repo.gitRaw(['hash-object', '-w', '--stdin'], `secret = "${token()}"\n`).stdout.trim();
    repo.git('update-index', '--add', '--cacheinfo', `100644,${blob},out/hidden.txt`);
    expect(found(staged()).sort()).toEqual(['in/app.js:1', 'out/hidden.txt:1']);
  });

  it('submodules: a secret in the superproject next to a new submodule, and one staged inside the submodule', () => {
    const sub = makeRepo();
    try {
      repo.git('-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', sub.dir, 'vendor/sub');
      repo.write('app.js', `const t = "${token()}";\n`);
      repo.git('add', '-A');
      expect(found(staged())).toEqual(['app.js:1']);
      const inner = join(repo.dir, 'vendor', 'sub');
      writeFileSync(join(inner, 'lib.js'), `const t = "${token()}";\n`);
      spawnSync('git', ['add', 'lib.js'], { cwd: inner, env: testEnv() });
      expect(found(staged(inner))).toEqual(['lib.js:1']);
    } finally {
      sub.cleanup();
    }
  });
});

describe('symlinks and type changes', () => {
  it('a secret file staged next to symlinks (to it, to nothing) is found; the links are skipped', () => {
    repo.write('real.env', `TOKEN=${token()}\n`);
    symlinkSync('real.env', join(repo.dir, 'link.env'));
    symlinkSync('missing.env', join(repo.dir, 'dangling.env'));
    repo.git('add', '-A');
    expect(found(staged())).toEqual(['real.env:1']);
  });

  it('a symlink replaced by a file holding a secret (type change) is scanned', () => {
    symlinkSync('README.md', join(repo.dir, 'conf'));
    repo.commit('a link');
    spawnSync('rm', [join(repo.dir, 'conf')]);
    repo.write('conf', `token: ${token()}\n`);
    repo.git('add', '-A');
    expect(repo.git('diff', '--cached', '--name-status')).toMatch(/^T\s+conf/m);
    expect(found(staged())).toEqual(['conf:1']);
  });

  it('a file turned into a folder holding a secret', () => {
    repo.write('settings', 'plain\n');
    repo.commit('a file');
    spawnSync('rm', [join(repo.dir, 'settings')]);
    repo.write('settings/prod.env', `TOKEN=${token()}\n`);
    repo.git('add', '-A');
    expect(found(staged())).toEqual(['settings/prod.env:1']);
  });
});

describe('more diff-changing configuration and environment', () => {
  it('interHunkContext, algorithm, colorMoved, suppressBlankEmpty, GIT_EXTERNAL_DIFF and GIT_DIFF_OPTS', () => {
    for (const [k, v] of [['diff.interHunkContext', '10'], ['diff.algorithm', 'patience'], ['diff.colorMoved', 'zebra'], ['diff.suppressBlankEmpty', 'true'], ['diff.indentHeuristic', 'false'], ['core.pager', 'cat -A'], ['diff.orderFile', '/dev/null']]) repo.git('config', k!, v!);
    const filler = Array.from({ length: 8 }, (_, i) => `line ${i}`).join('\n');
    repo.write('a.txt', `${filler}\n${filler}\n`);
    repo.commit('filler');
    repo.write('a.txt', `${filler}\nt = "${token()}"\n\n${filler}\nu = "${token()}"\n`);
    repo.git('add', '-A');
    expect(found(staged(repo.dir, { GIT_EXTERNAL_DIFF: 'true', GIT_DIFF_OPTS: '--unified=9' }))).toEqual(['a.txt:9', 'a.txt:19']);
  });

  it('history scans under log and format config (pretty, decorate, abbrev, showSignature, noprefix, color)', () => {
    for (const [k, v] of [['format.pretty', 'oneline'], ['log.decorate', 'full'], ['log.abbrevCommit', 'true'], ['log.showRoot', 'false'], ['diff.noprefix', 'true'], ['color.ui', 'always'], ['log.date', 'relative'], ['diff.external', 'true']]) repo.git('config', k!, v!);
    repo.write('deploy.sh', `export TOKEN=${token()}\n`);
    const sha = repo.commit('deploy');
    const r = runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(json(r).findings.map((f) => [f.file, f.commit])).toEqual([['deploy.sh', sha]]);
  });
});

describe('commits through the real hook', () => {
  function hooked(): void {
    linkIntoRepo(repo, { install: true });
  }
  const head = () => repo.git('rev-parse', 'HEAD').trim();

  it('git commit -a (git scans a temporary index) is blocked', () => {
    hooked();
    repo.write('app.js', 'const x = 1;\n');
    repo.commit('app');
    repo.write('app.js', `const x = 1;\nconst t = "${token()}";\n`);
    const before = head();
    const r = repo.gitRaw(['commit', '-a', '-m', 'edit']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('app.js:2');
    expect(head()).toBe(before);
  });

  it('git commit --amend that adds a secret is blocked', () => {
    hooked();
    repo.write('app.js', 'const x = 1;\n');
    repo.git('add', '-A');
    expect(repo.gitRaw(['commit', '-m', 'app']).status).toBe(0);
    const before = head();
    repo.write('app.js', `const x = 1;\nconst t = "${token()}";\n`);
    repo.git('add', '-A');
    const r = repo.gitRaw(['commit', '--amend', '--no-edit']);
    expect(r.status).not.toBe(0);
    expect(head()).toBe(before);
  });

  it('git commit --only FILE (a partial commit from a temporary index) is blocked', () => {
    hooked();
    repo.write('a.js', 'const t = process.env.TOKEN;\n');
    repo.commit('a.js');
    repo.write('a.js', `const t = "${token()}";\n`);
    repo.write('b.js', 'const ok = 1;\n');
    repo.git('add', 'b.js');
    const r = repo.gitRaw(['commit', '-m', 'partial', '--', 'a.js']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('a.js:1');
  });

  it('a merge conflict resolved with a secret is blocked at git commit', () => {
    hooked();
    repo.write('settings.py', 'MODE = "base"\n');
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('settings.py', 'MODE = "feature"\n');
    repo.commit('feature');
    repo.git('checkout', '-q', 'main');
    repo.write('settings.py', 'MODE = "main"\n');
    repo.commit('main');
    expect(repo.gitRaw(['merge', 'feature']).status).not.toBe(0);
    repo.write('settings.py', `MODE = "merged"\nTOKEN = "${token()}"\n`);
    repo.git('add', 'settings.py');
    const before = head();
    const r = repo.gitRaw(['commit', '--no-edit']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('settings.py:2');
    expect(head()).toBe(before);
  });
});
