import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * Throwaway git repositories for tests: a temp dir, `git init -b main`, a fixed identity, no
 * signing, no global or system config, removed afterwards. Refuses to touch the working checkout.
 */
export interface TempRepo {
  dir: string;
  git: (...args: string[]) => string;
  /** Run git and return status and output without throwing. */
  gitRaw: (args: string[], input?: string) => { status: number; stdout: string; stderr: string };
  write: (path: string, content: string | Buffer) => void;
  commit: (message: string) => string;
  cleanup: () => void;
}

export const GIT_ENV: NodeJS.ProcessEnv = {
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test Author',
  GIT_AUTHOR_EMAIL: 'author@example.test',
  GIT_COMMITTER_NAME: 'Test Author',
  GIT_COMMITTER_EMAIL: 'author@example.test',
  GIT_TERMINAL_PROMPT: '0',
};

export function testEnv(extra: NodeJS.ProcessEnv = {}, home?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('GIT_') || key.startsWith('PRE_COMMIT')) delete env[key];
  Object.assign(env, GIT_ENV, { NO_COLOR: '1' }, extra);
  if (home) {
    env.HOME = home;
    env.XDG_CONFIG_HOME = join(home, '.config');
  }
  return env;
}

export function makeRepo(options: { initialCommit?: boolean } = {}): TempRepo {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'leakguard-test-')));
  if (resolve(dir) === resolve(process.cwd())) throw new Error('refusing to use the working directory as a test repository');
  const home = join(dir, '..', `${dir.split('/').pop()}-home`);
  mkdirSync(home, { recursive: true });
  const env = testEnv({}, home);
  const repoDir = join(dir, 'repo');
  mkdirSync(repoDir);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoDir, env, encoding: 'utf8' });
  const gitRaw = (args: string[], input?: string) => {
    const r = spawnSync('git', args, { cwd: repoDir, env, encoding: 'utf8', input });
    return { status: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
  };
  git('init', '-q', '-b', 'main');
  git('config', 'commit.gpgsign', 'false');
  git('config', 'core.autocrlf', 'false');
  const repo: TempRepo = {
    dir: repoDir,
    git,
    gitRaw,
    write(path, content) {
      const full = join(repoDir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, content);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--no-verify', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    },
  };
  if (options.initialCommit !== false) {
    repo.write('README.md', '# test repository\n');
    repo.commit('initial commit');
  }
  return repo;
}

/**
 * Commits made in one `git fast-import` run, on top of the repository's main branch: each one
 * writes one file. A history long enough for several `git log` processes (slices of 500 commits
 * or more) is made in well under a second this way. Returns the new commits' shas, oldest first.
 */
export function importCommits(repo: TempRepo, commits: ReadonlyArray<{ file: string; text: string }>): string[] {
  const parent = repo.git('rev-parse', 'main').trim();
  const when = 1_700_000_000;
  const stream = commits
    .map(({ file, text }, i) => {
      const body = Buffer.from(text);
      const message = `import ${i}`;
      const from = i === 0 ? `from ${parent}\n` : '';
      return `commit refs/heads/main\ncommitter Test Author <author@example.test> ${when + i} +0000\ndata ${message.length}\n${message}\n${from}M 100644 inline ${file}\ndata ${body.length}\n${text}\n`;
    })
    .join('');
  const r = repo.gitRaw(['fast-import', '--quiet'], stream);
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  repo.git('reset', '-q', '--hard', 'main');
  return repo.git('rev-list', '--reverse', `${parent}..main`).trim().split('\n');
}
