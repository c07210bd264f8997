import { GitError } from '../errors.js';
import { plainRepoRoot } from './plain-root.js';
import { childProcess, runSync } from './spawn-sync.js';

/**
 * The one place leakguard runs git. Every call gets the same safety settings, so that the user's
 * git configuration cannot change what is scanned: no external diff or textconv, no colour, fixed
 * a/ b/ prefixes, unquoted non-ASCII paths, no submodule recursion, no CRLF conversion.
 *
 * The hot paths (the staged hook, history streams) spawn git directly: simple-git buffers whole
 * outputs and costs ~30 ms to import, a third of the hook's budget. simple-git serves the
 * one-off plumbing of `leakguard install` (see src/hooks/).
 */
export const SAFE_CONFIG = [
  '-c', 'core.quotepath=off',
  '-c', 'submodule.recurse=false',
  '-c', 'diff.noprefix=false',
  '-c', 'diff.mnemonicPrefix=false',
  '-c', 'diff.external=',
  '-c', 'diff.relative=false',
  '-c', 'color.ui=never',
  '-c', 'core.autocrlf=false',
  '-c', 'core.safecrlf=false',
  '-c', 'log.showSignature=false',
  '-c', 'diff.renames=true',
] as const;

/** Flags every diff or log -p call carries. */
export const DIFF_FLAGS = ['--no-ext-diff', '--no-textconv', '--no-color', '--src-prefix=a/', '--dst-prefix=b/', '-U0'] as const;

/** What gitEnv takes out of the caller's environment, and what it sets. */
export const GIT_ENV = { unset: ['GIT_EXTERNAL_DIFF', 'GIT_DIFF_OPTS', 'GIT_PAGER'], set: { GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } } as const;

/** The environment every git call gets: the caller's, minus what would change diff output. */
export function gitEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of GIT_ENV.unset) delete env[name];
  Object.assign(env, GIT_ENV.set);
  return env;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  code: number;
}

/** Run git and collect its output. Rejects with GitError when git cannot be started. */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = childProcess().spawn('git', [...SAFE_CONFIG, ...args], { cwd, env: gitEnv(), stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    } catch (error) {
      reject(new GitError(`git could not be started (${(error as Error).message}); install git and make sure it is on PATH.`, { cause: error }));
      return;
    }
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout!.on('data', (b: Buffer) => out.push(b));
    child.stderr!.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) =>
      reject(new GitError(`git could not be started (${error.message}); install git and make sure it is on PATH.`, { cause: error })),
    );
    child.on('close', (code) =>
      resolve({ stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code: code ?? 1 }),
    );
    if (input === undefined) return;
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(input);
  });
}

/**
 * runGit for the short questions (where is the repository, which files are ignored), whose
 * answer is a line or a list: a synchronous spawn has no pipes to set up as streams and no event
 * loop turn to wait for, which measured ~4 ms of the hook's start against ~8 ms, and it does not
 * load child_process. Output is bounded by a megabyte, or twice the input where there is one
 * (check-ignore answers with some of the paths it was given).
 */
function runGitSync(args: readonly string[], cwd: string, input?: Buffer): GitResult {
  const r = runSync('git', [...SAFE_CONFIG, ...args], { cwd, env: gitEnv(), maxBuffer: Math.max(1024 * 1024, 2 * (input?.length ?? 0)), input });
  if (r.error) throw new GitError(`git could not be started (${r.error.message}); install git and make sure it is on PATH.`, { cause: r.error });
  return { stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), code: r.status ?? 1 };
}

/** Run git and return stdout, or throw a GitError naming the command and git's own message. */
export async function git(args: readonly string[], cwd: string, input?: string): Promise<string> {
  const result = await runGit(args, cwd, input);
  if (result.code !== 0) throw gitFailure(args, result.stderr);
  return result.stdout;
}

export function gitFailure(args: readonly string[], stderr: string): GitError {
  const said = stderr.trim().split('\n').filter(Boolean).pop() ?? 'no message';
  return new GitError(`git ${args.filter((a) => !a.startsWith('--format')).slice(0, 4).join(' ')} failed (${said}); fix the repository or run leakguard from a working git checkout.`);
}

/**
 * Stream git's stdout as lines (without the newline; a trailing \r is kept for the parser).
 * Decoding is lossy UTF-8 so non-UTF-8 bytes never stop a scan. Throws GitError at the end when
 * git exits non-zero, so a broken repository is never reported as clean.
 */
export async function* streamGitLines(args: readonly string[], cwd: string): AsyncGenerator<string> {
  const child = childProcess().spawn('git', [...SAFE_CONFIG, ...args], { cwd, env: gitEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const err: Buffer[] = [];
  child.stderr.on('data', (b: Buffer) => {
    if (err.length < 64) err.push(b);
  });
  const exited = new Promise<number>((resolve, reject) => {
    child.on('error', (error) =>
      reject(new GitError(`git could not be started (${error.message}); install git and make sure it is on PATH.`, { cause: error })),
    );
    child.on('close', (code) => resolve(code ?? 1));
  });
  const decoder = new TextDecoder('utf-8', { fatal: false });
  // the unfinished line, in pieces: a long line (a minified file) is searched for its end one
  // chunk at a time and joined once, never re-scanned or re-copied as it grows
  const pieces: string[] = [];
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const text = decoder.decode(chunk, { stream: true });
      let start = 0;
      for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', start)) {
        const tail = text.slice(start, nl);
        start = nl + 1;
        if (pieces.length === 0) {
          yield tail;
          continue;
        }
        pieces.push(tail);
        const line = pieces.join('');
        pieces.length = 0;
        yield line;
      }
      if (start < text.length) pieces.push(text.slice(start));
    }
    pieces.push(decoder.decode());
    const last = pieces.join('');
    if (last) yield last;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  const code = await exited;
  if (code !== 0) throw gitFailure(args, Buffer.concat(err).toString('utf8'));
}

export async function repoRoot(cwd: string): Promise<string | undefined> {
  const plain = plainRepoRoot(cwd);
  if (plain !== undefined) return plain;
  const result = runGitSync(['rev-parse', '--show-toplevel'], cwd);
  return result.code === 0 ? result.stdout.trim() : undefined;
}

/** The git directory of a bare repository (a mirror clone), or undefined. History scans work there. */
export async function bareRepo(cwd: string): Promise<string | undefined> {
  const result = runGitSync(['rev-parse', '--is-bare-repository', '--absolute-git-dir'], cwd);
  const [bare, dir] = result.stdout.trim().split('\n');
  return result.code === 0 && bare === 'true' ? dir : undefined;
}

/** Which of the given repository paths .gitignore excludes (git check-ignore --no-index). */
export async function checkIgnored(root: string, files: readonly string[]): Promise<Set<string>> {
  if (!files.length) return new Set();
  const result = runGitSync(['check-ignore', '--no-index', '--stdin', '-z'], root, Buffer.from(`${files.join('\0')}\0`, 'utf8'));
  return new Set(result.stdout.split('\0').filter(Boolean));
}
