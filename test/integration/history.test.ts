import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommits, makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli, type CliResult } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/** History scans (--all-commits, --range, --pre-push) against real throwaway repositories. */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const ghToken = () => expandTemplate('ghp_{{crc32b62:30}}');
const stripeKey = () => expandTemplate('sk_live_{{alnum:24}}');
const history = (args: string[], input?: string, env?: NodeJS.ProcessEnv): CliResult =>
  runCli([...args, '--format', 'json'], { cwd: repo.dir, ...(input !== undefined ? { input } : {}), ...(env ? { env } : {}) });
const all = (...extra: string[]) => history(['--all-commits', ...extra]);
/** "file:line:short-sha" per finding, in a stable order. */
const found = (r: CliResult) =>
  json(r)
    .findings.map((f) => `${String(f.file)}:${String(f.line)}:${String(f.commit).slice(0, 7)}`)
    .sort();
const sha = (rev = 'HEAD') => repo.git('rev-parse', rev).trim();
const short = (rev = 'HEAD') => sha(rev).slice(0, 7);

describe('--all-commits', () => {
  it('reports a secret that was added and later removed, at the adding commit, with its metadata', () => {
    repo.write('config.js', `const token = "${ghToken()}";\n`);
    repo.commit('add config');
    const adding = sha();
    repo.write('config.js', 'const token = process.env.GITHUB_TOKEN;\n');
    repo.commit('use env');
    const r = all();
    expect(r.exitCode).toBe(1);
    const [f, ...rest] = json(r).findings;
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ file: 'config.js', line: 1, ruleId: 'github-pat-classic', commit: adding, author: 'Test Author', email: 'author@example.test', message: 'add config' });
    expect(String(f!.date)).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('reports the same secret in the same file once, at the oldest commit, unless --all-occurrences', () => {
    const token = ghToken();
    repo.write('a.js', `const t = "${token}";\n`);
    repo.commit('add');
    const first = short();
    repo.write('a.js', 'const t = 1;\n');
    repo.commit('remove');
    repo.write('a.js', `// again\nconst t = "${token}";\n`);
    repo.commit('add again');
    const again = short();
    expect(found(all())).toEqual([`a.js:1:${first}`]);
    expect(found(all('--all-occurrences'))).toEqual([`a.js:1:${first}`, `a.js:2:${again}`]);
  });

  it('keeps oldest-first attribution with one git process or several', () => {
    const token = ghToken();
    const shas: string[] = [];
    for (let i = 0; i < 12; i++) {
      repo.write('a.js', `// ${i}\nconst t = "${i % 3 === 0 ? token : 'none'}";\n`);
      shas.push(repo.commit(`c${i}`));
    }
    for (const jobs of ['1', '2', '3']) {
      const r = history(['--all-commits', '--all-occurrences'], undefined, { LEAKGUARD_JOBS: jobs });
      expect(found(r)).toEqual([0, 3, 6, 9].map((i) => `a.js:2:${shas[i]!.slice(0, 7)}`).sort());
      expect(found(history(['--all-commits'], undefined, { LEAKGUARD_JOBS: jobs }))).toEqual([`a.js:2:${shas[0]!.slice(0, 7)}`]);
    }
  });

  it('keeps oldest-first attribution across slices of history that several git processes read at once', () => {
    const token = ghToken();
    // 1,300 commits: three slices of 500 commits or more (newest first), so two or three git
    // processes read parts of history at once and their outputs interleave
    const marked = new Map([[5, 'a.js'], [480, 'b.js'], [777, 'a.js'], [1290, 'b.js']]);
    const commits = Array.from({ length: 1300 }, (_, i) => {
      const file = marked.get(i);
      return file ? { file, text: `// ${i}\nconst t${i} = "${token}";\n` } : { file: `filler${i % 5}.txt`, text: `line ${i}\n` };
    });
    const shas = importCommits(repo, commits);
    const at = (i: number) => `${marked.get(i)!}:2:${shas[i]!.slice(0, 7)}`;
    for (const jobs of ['1', '2', '3']) {
      const every = history(['--all-commits', '--all-occurrences'], undefined, { LEAKGUARD_JOBS: jobs });
      expect(found(every), `jobs=${jobs}`).toEqual([5, 480, 777, 1290].map(at).sort());
      const r = history(['--all-commits'], undefined, { LEAKGUARD_JOBS: jobs });
      expect(found(r), `jobs=${jobs}`).toEqual([at(5), at(480)].sort());
      expect(json(r).stats).toMatchObject({ commits: 1301 });
    }
  });

  it('does not re-report a renamed file, but finds a secret added in a rename with edits', () => {
    const body = Array.from({ length: 20 }, (_, i) => `export const line${i} = ${i};`).join('\n');
    repo.write('old/name.ts', `${body}\nexport const token = "${ghToken()}";\n`);
    repo.commit('add');
    const adding = short();
    repo.git('mv', 'old/name.ts', 'new-name.ts');
    repo.commit('rename');
    expect(found(all())).toEqual([`old/name.ts:21:${adding}`]);
    repo.git('mv', 'new-name.ts', 'renamed again.ts');
    repo.write('renamed again.ts', `${body}\nexport const token2 = "${stripeKey()}";\nexport const token = "x";\n`);
    repo.commit('rename and edit');
    const edit = short();
    expect(repo.git('show', '--stat', '--format=', '-M', 'HEAD')).toContain('=>');
    expect(found(all())).toEqual([`old/name.ts:21:${adding}`, `renamed again.ts:21:${edit}`]);
  });

  it('finds a secret added by a merge conflict resolution, and attributes a branch secret to the branch commit', () => {
    repo.write('settings.py', 'MODE = "base"\n');
    repo.commit('base');
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('settings.py', 'MODE = "feature"\n');
    repo.write('feature.py', `KEY = "${stripeKey()}"\n`);
    repo.commit('feature work');
    const branchCommit = short();
    repo.git('checkout', '-q', 'main');
    repo.write('settings.py', 'MODE = "main"\n');
    repo.commit('main work');
    const merge = repo.gitRaw(['merge', '--no-ff', '-q', 'feature', '-m', 'merge feature']);
    expect(merge.status).not.toBe(0); // a real conflict
    repo.write('settings.py', `MODE = "merged"\nTOKEN = "${ghToken()}"\n`);
    repo.git('add', 'settings.py');
    repo.git('commit', '-q', '--no-verify', '--no-edit');
    expect(repo.git('rev-list', '--parents', '-n1', 'HEAD').trim().split(' ')).toHaveLength(3);
    const mergeCommit = short();
    expect(found(all())).toEqual([`feature.py:1:${branchCommit}`, `settings.py:2:${mergeCommit}`]);
    // --all-occurrences must not rescan what the branch brought into the merge either
    expect(found(all('--all-occurrences'))).toEqual([`feature.py:1:${branchCommit}`, `settings.py:2:${mergeCommit}`]);
  });

  it('reaches tags, other branches and an orphan branch', () => {
    repo.write('tagged.js', `t = "${ghToken()}"\n`);
    const tagged = repo.commit('tagged');
    repo.git('tag', 'v1');
    repo.git('reset', '-q', '--hard', 'HEAD~1');
    repo.git('checkout', '-q', '-b', 'other');
    repo.write('other.js', `t = "${ghToken()}"\n`);
    const other = repo.commit('other');
    repo.git('checkout', '-q', '--orphan', 'pages');
    repo.git('rm', '-rfq', '.');
    repo.write('index.js', `t = "${ghToken()}"\n`);
    const orphan = repo.commit('pages');
    repo.git('checkout', '-q', 'main');
    expect(found(all())).toEqual([`index.js:1:${orphan.slice(0, 7)}`, `other.js:1:${other.slice(0, 7)}`, `tagged.js:1:${tagged.slice(0, 7)}`]);
  });

  it('is clean on a repository with no commits', () => {
    const empty = makeRepo({ initialCommit: false });
    try {
      const r = runCli(['--all-commits', '--format', 'json'], { cwd: empty.dir });
      expect(r.stderr).toBe('');
      expect(r.exitCode).toBe(0);
      expect(json(r).findings).toEqual([]);
    } finally {
      empty.cleanup();
    }
  });

  it('skips a file over --max-file-size with a warning, and scans it when the limit is raised', () => {
    const filler = 'x'.repeat(100) + '\n';
    repo.write('big.txt', `${filler.repeat(30)}token = "${ghToken()}"\n`);
    repo.commit('big');
    const small = all('--max-file-size', '1000');
    expect(small.exitCode).toBe(0);
    expect(json(small).skipped).toEqual([expect.objectContaining({ file: 'big.txt', reason: 'too-large', commit: sha() })]);
    expect(small.stderr).toContain('big.txt');
    expect(small.stderr).toContain('--max-file-size');
    expect(found(all('--max-file-size', '10000'))).toEqual([`big.txt:31:${short()}`]);
  });

  it('scans non-UTF-8 bytes and paths with spaces, quotes and non-ASCII characters', () => {
    const token = ghToken();
    repo.write('latin1.txt', Buffer.concat([Buffer.from('caf\xe9 \xff\n', 'latin1'), Buffer.from(`token = "${token}"\n`)]));
    repo.write('dir with space/"quoted" é.js', `const t = "${ghToken()}";\n`);
    repo.write('tab\there.js', `const t = "${ghToken()}";\n`);
    repo.commit('odd files');
    const c = short();
    expect(found(all())).toEqual([`dir with space/"quoted" é.js:1:${c}`, `latin1.txt:2:${c}`, `tab\there.js:1:${c}`]);
  });

  it('prints text output grouped by commit with the history advice', () => {
    repo.write('a.js', `const t = "${ghToken()}";\n`);
    repo.commit('add');
    const r = runCli(['--all-commits'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain(short());
    expect(r.stdout).not.toContain('\r');
    expect(r.stderr).not.toContain('commits,'); // no progress line when stderr is not a TTY
  });
});

describe('--range', () => {
  it('scans only the commits in the range', () => {
    repo.write('old.js', `t = "${ghToken()}"\n`);
    repo.commit('old');
    const base = sha();
    repo.write('new.js', `t = "${ghToken()}"\n`);
    repo.commit('new');
    expect(found(history(['--range', `${base}..HEAD`]))).toEqual([`new.js:1:${short()}`]);
  });

  it('exits 0 with a notice on an empty range', () => {
    const r = history(['--range', 'HEAD..HEAD']);
    expect(r.exitCode).toBe(0);
    expect(json(r).findings).toEqual([]);
    expect(r.stderr).toContain('HEAD..HEAD holds no commits');
  });

  it('exits 2 on an invalid range', () => {
    const r = history(['--range', 'no-such-branch..HEAD']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('no-such-branch');
    expect(history(['--range', '--all']).exitCode).toBe(2);
  });
});

describe('--pre-push', () => {
  const ZERO = '0'.repeat(40);
  let remote: TempRepo;
  beforeEach(() => {
    remote = makeRepo({ initialCommit: false });
    remote.git('config', 'receive.denyCurrentBranch', 'ignore');
    repo.git('remote', 'add', 'origin', remote.dir);
    repo.git('push', '-q', 'origin', 'main');
  });
  afterEach(() => remote.cleanup());
  const prePush = (lines: string[]) => history(['--pre-push'], lines.map((l) => `${l}\n`).join(''));

  it('scans an update: the commits between the remote tip and the local tip', () => {
    const remoteTip = sha('origin/main');
    repo.write('a.js', `t = "${ghToken()}"\n`);
    repo.commit('secret');
    const r = prePush([`refs/heads/main ${sha()} refs/heads/main ${remoteTip}`]);
    expect(r.exitCode).toBe(1);
    expect(found(r)).toEqual([`a.js:1:${short()}`]);
    // nothing new to push: clean
    repo.git('push', '-q', 'origin', 'main');
    expect(prePush([`refs/heads/main ${sha()} refs/heads/main ${sha()}`]).exitCode).toBe(0);
  });

  it('scans a new branch: only commits no remote-tracking ref holds', () => {
    repo.write('pushed.js', `t = "${ghToken()}"\n`);
    repo.commit('already pushed');
    repo.git('push', '-q', 'origin', 'main');
    repo.git('checkout', '-q', '-b', 'topic');
    repo.write('topic.js', `t = "${ghToken()}"\n`);
    repo.commit('topic');
    expect(found(prePush([`refs/heads/topic ${sha()} refs/heads/topic ${ZERO}`]))).toEqual([`topic.js:1:${short()}`]);
  });

  it('scans nothing for a deleted ref', () => {
    repo.write('a.js', `t = "${ghToken()}"\n`);
    repo.commit('secret');
    const r = prePush([`(delete) ${ZERO} refs/heads/old ${sha()}`]);
    expect(r.exitCode).toBe(0);
    expect(json(r).findings).toEqual([]);
  });

  it('treats a force push over a remote sha this clone does not have like a new branch', () => {
    repo.write('a.js', `t = "${ghToken()}"\n`);
    repo.commit('rewritten');
    const unknown = 'f'.repeat(40);
    expect(found(prePush([`refs/heads/main ${sha()} refs/heads/main ${unknown}`]))).toEqual([`a.js:1:${short()}`]);
  });

  it('handles several lines, scanning a commit shared by two refs once', () => {
    const remoteTip = sha('origin/main');
    repo.write('a.js', `t = "${ghToken()}"\n`);
    repo.commit('on main');
    const onMain = short();
    repo.git('checkout', '-q', '-b', 'topic');
    repo.write('b.js', `t = "${ghToken()}"\n`);
    repo.commit('on topic');
    const r = prePush([
      `refs/heads/main ${sha('main')} refs/heads/main ${remoteTip}`,
      `refs/heads/topic ${sha('topic')} refs/heads/topic ${ZERO}`,
      `(delete) ${ZERO} refs/heads/gone ${remoteTip}`,
    ]);
    expect(found(r)).toEqual([`a.js:1:${onMain}`, `b.js:1:${short('topic')}`]);
    expect(json(r).stats.commits).toBe(2);
  });

  it('exits 0 on empty input and 2 on a malformed line', () => {
    expect(prePush([]).exitCode).toBe(0);
    expect(prePush(['refs/heads/main abc']).exitCode).toBe(2);
  });
});
