import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/** The staged-diff reader against real repositories: every case the hook meets in practice. */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const ghToken = () => expandTemplate('ghp_{{crc32b62:30}}');
const staged = (...extra: string[]) => runCli(['--staged', '--format', 'json', ...extra], { cwd: repo.dir });
const found = (r: ReturnType<typeof staged>) => json(r).findings.map((f) => `${String(f.file)}:${String(f.line)}:${String(f.ruleId)}`);

describe('staged diff reader', () => {
  it('scans only added lines, numbered as in the new file', () => {
    const token = ghToken();
    repo.write('a.js', 'line1\nline2\nline3\n');
    repo.commit('base');
    repo.write('a.js', `line1\nconst t = "${token}";\nline2\nline3\n`);
    repo.git('add', 'a.js');
    const r = staged();
    expect(r.exitCode).toBe(1);
    expect(found(r)).toEqual(['a.js:2:github-pat-classic']);
    const f = json(r).findings[0]!;
    expect(f.column).toBe(12);
    expect(f.secret).not.toContain(token.slice(4, 30));
  });

  it('does not report secrets on removed or unchanged lines', () => {
    repo.write('a.js', `const t = "${ghToken()}"; // leakguard:allow\n`);
    repo.commit('base');
    repo.write('a.js', 'const t = process.env.GITHUB_TOKEN;\n');
    repo.git('add', 'a.js');
    const r = staged();
    expect(r.exitCode).toBe(0);
    expect(json(r).findings).toEqual([]);
  });

  it('scans the index, not the working tree, for partially staged files', () => {
    const token = ghToken();
    repo.write('a.py', `TOKEN = "${token}"\n`);
    repo.git('add', 'a.py');
    repo.write('a.py', 'TOKEN = os.environ["GITHUB_TOKEN"]\n');
    expect(found(staged())).toEqual(['a.py:1:github-pat-classic']);
    // and the reverse: clean in the index, secret only in the working tree
    repo.git('reset', '-q');
    repo.write('b.py', 'X = 1\n');
    repo.git('add', 'b.py');
    repo.write('b.py', `X = "${ghToken()}"\n`);
    expect(staged().exitCode).toBe(0);
  });

  it('works in a repository with no commits yet', () => {
    const fresh = makeRepo({ initialCommit: false });
    try {
      fresh.write('config.js', `module.exports = { token: "${ghToken()}" };\n`);
      fresh.git('add', '-A');
      const r = runCli(['--staged', '--format', 'json'], { cwd: fresh.dir });
      expect(r.exitCode).toBe(1);
      expect(json(r).findings.map((f) => f.file)).toEqual(['config.js']);
    } finally {
      fresh.cleanup();
    }
  });

  it('ignores the user git config that would change the diff', () => {
    const token = ghToken();
    repo.git('config', 'diff.external', 'false');
    repo.git('config', 'color.ui', 'always');
    repo.git('config', 'color.diff', 'always');
    repo.git('config', 'diff.noprefix', 'true');
    repo.git('config', 'diff.mnemonicPrefix', 'true');
    repo.git('config', 'core.quotepath', 'true');
    repo.git('config', 'diff.renames', 'copies');
    repo.git('config', 'core.autocrlf', 'true');
    repo.git('config', 'diff.context', '5');
    repo.git('config', 'diff.lg.textconv', 'sh -c "echo hidden"');
    repo.write('.gitattributes', '*.cfg diff=lg\n');
    repo.write('dir é/app.cfg', `token = ${token}\n`);
    repo.git('add', '-A');
    expect(found(staged())).toEqual(['dir é/app.cfg:1:github-pat-classic']);
  });

  it('reports only the changed lines of a renamed file, and nothing for deletions or mode changes', () => {
    const filler = Array.from({ length: 12 }, (_, i) => `const line${i} = ${i};`).join('\n');
    repo.write('old.js', `const t = "${ghToken()}";\n${filler}\n`);
    repo.write('gone.js', `const t = "${ghToken()}";\n`);
    repo.write('run.sh', 'echo hi\n');
    repo.commit('base');
    repo.git('mv', 'old.js', 'new.js');
    const moved = repo.gitRaw(['show', 'HEAD:old.js']).stdout;
    repo.write('new.js', `${moved}const b = "${ghToken()}";\n`);
    repo.git('rm', '-q', 'gone.js');
    repo.git('update-index', '--chmod=+x', 'run.sh');
    repo.git('add', '-A');
    expect(found(staged())).toEqual(['new.js:14:github-pat-classic']);
  });

  it('handles CRLF, a missing final newline and non-UTF-8 bytes', () => {
    const a = ghToken();
    const b = ghToken();
    repo.write('crlf.ini', `[x]\r\ntoken = ${a}\r\n`);
    repo.write('latin1.txt', Buffer.concat([Buffer.from('caf\xe9 = 1\ntoken: ', 'latin1'), Buffer.from(b)]));
    repo.git('add', '-A');
    const r = staged();
    expect(found(r).sort()).toEqual(['crlf.ini:2:github-pat-classic', 'latin1.txt:2:github-pat-classic']);
    const crlf = json(r).findings.find((f) => f.file === 'crlf.ini')!;
    expect(crlf.endColumn).toBe(Number(crlf.column) + 40);
  });

  it('handles file names with spaces, quotes, newlines and non-ASCII characters', () => {
    const names = ['with space.js', 'quote"d.js', "it's.js", 'tab\there.js', 'new\nline.js', 'ünïcödé/日本.js'];
    for (const name of names) repo.write(name, `const t = "${ghToken()}";\n`);
    repo.git('add', '-A');
    const r = staged();
    expect(json(r).findings.map((f) => f.file).sort()).toEqual([...names].sort());
  });

  it('skips binary files, symlinks and submodules, and says so with --verbose', () => {
    repo.write('image.bin', Buffer.concat([Buffer.from([0, 1, 2, 0]), Buffer.from(ghToken())]));
    repo.git('add', '-A');
    const sub = makeRepo();
    try {
      repo.git('-c', 'protocol.file.allow=always', 'submodule', '-q', 'add', sub.dir, 'vendor/sub');
      repo.gitRaw(['add', '-A']);
      const r = runCli(['--staged', '--verbose'], { cwd: repo.dir });
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toMatch(/Skipped image\.bin: binary file/);
      expect(r.stderr).toMatch(/Skipped vendor\/sub: submodule/);
    } finally {
      sub.cleanup();
    }
  });

  it('finds a multi-line private key when its lines are added', () => {
    const body = Array.from({ length: 12 }, () => expandTemplate('{{base64:64}}')).join('\n');
    repo.write('deploy/key.pem', `-----BEGIN RSA PRIVATE KEY-----\n${body}\n-----END RSA PRIVATE KEY-----\n`);
    repo.git('add', '-A');
    const r = staged();
    expect(r.exitCode).toBe(1);
    const f = json(r).findings.find((x) => String(x.ruleId).includes('private-key') || String(x.category) === 'private-key');
    expect(f, r.stdout).toBeDefined();
    expect(Number(f!.line)).toBeLessThanOrEqual(2);
    expect(Number(f!.endLine)).toBeGreaterThan(Number(f!.line));
  });

  it('restricts the scan to the staged files named (lint-staged)', () => {
    repo.write('a.js', `const t = "${ghToken()}";\n`);
    repo.write('b.js', `const t = "${ghToken()}";\n`);
    repo.git('add', '-A');
    expect(found(staged('b.js'))).toEqual(['b.js:1:github-pat-classic']);
  });

  it('honours GIT_INDEX_FILE, as git commit does for partial commits', () => {
    repo.write('a.js', `const t = "${ghToken()}";\n`);
    const other = `${repo.dir}/.git/partial-index`;
    repo.gitRaw(['read-tree', `--index-output=${other}`, 'HEAD']);
    const add = runCli(['--version'], { cwd: repo.dir });
    expect(add.exitCode).toBe(0);
    const env = { GIT_INDEX_FILE: other };
    const r0 = runCli(['--staged', '--format', 'json'], { cwd: repo.dir });
    expect(r0.exitCode).toBe(0);
    const gitAdd = spawnSync('git', ['add', 'a.js'], { cwd: repo.dir, env: { ...process.env, GIT_INDEX_FILE: other } });
    expect(gitAdd.status).toBe(0);
    const r = runCli(['--staged', '--format', 'json'], { cwd: repo.dir, env });
    expect(found(r)).toEqual(['a.js:1:github-pat-classic']);
  });

  it('exits 2 outside a git repository, never 0', () => {
    const r = runCli(['--staged'], { cwd: '/' });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/needs a git repository/);
  });
});

describe('unusual repositories', () => {
  it('scans history in a bare mirror clone and refuses --staged there with exit 2', () => {
    const source = makeRepo();
    try {
      source.write('a.js', `const t = "${ghToken()}";\n`);
      const sha = source.commit('secret');
      const mirror = `${source.dir}-mirror.git`;
      source.git('clone', '-q', '--mirror', source.dir, mirror);
      const r = runCli(['--all-commits', '--format', 'json'], { cwd: mirror });
      expect(r.exitCode).toBe(1);
      expect(json(r).findings.map((f) => f.commit)).toEqual([sha]);
      const staged = runCli(['--staged'], { cwd: mirror });
      expect(staged.exitCode).toBe(2);
      expect(staged.stderr).toMatch(/bare repository/);
    } finally {
      source.cleanup();
    }
  });

  it('scans the staged lines of a linked worktree', () => {
    const wt = `${repo.dir}-worktree`;
    repo.git('worktree', 'add', '-q', wt);
    const file = `${wt}/a.py`;
    writeFileSync(file, `TOKEN = "${ghToken()}"\n`);
    spawnSync('git', ['add', 'a.py'], { cwd: wt });
    const r = runCli(['--staged', '--format', 'json'], { cwd: wt });
    expect(found(r)).toEqual(['a.py:1:github-pat-classic']);
  });
});
