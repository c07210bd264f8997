import { GitError } from '../errors.js';
import { SAFE_CONFIG, gitEnv, gitFailure, streamGitLines } from './git.js';
import { takePrefetched } from './prefetch.js';
import { runSync } from './spawn-sync.js';

/** Output up to which git is run synchronously and read whole (bytes, stdout and stderr each). */
const SYNC_LIMIT = 8 * 1024 * 1024;

/**
 * git's stdout as lines, as streamGitLines gives them, for a command whose output is usually
 * small (the staged diff of a commit): git runs synchronously and its whole output is split at
 * once, one batch of lines. That spares the hook a stream and microtask turns for each line
 * (measured: ~4 ms of a hook's start). Past SYNC_LIMIT bytes, git is stopped and run again,
 * streamed, so memory stays bounded however large the change.
 */
export async function* gitLines(args: readonly string[], cwd: string): AsyncGenerator<string | readonly string[]> {
  const options = { cwd, env: gitEnv(), maxBuffer: SYNC_LIMIT };
  const full = [...SAFE_CONFIG, ...args];
  // the hook's diff, when the bin started it before it set up the CLI (sources/prefetch.ts)
  const r = (await takePrefetched('git', full, options)) ?? runSync('git', full, options);
  const error = r.error;
  if (error?.code === 'ENOBUFS') {
    yield* streamGitLines(args, cwd);
    return;
  }
  if (error) throw new GitError(`git could not be started (${error.message}); install git and make sure it is on PATH.`, { cause: error });
  if (r.status !== 0) throw gitFailure(args, r.stderr.toString('utf8'));
  // lossy UTF-8, as streamGitLines' TextDecoder decodes (the same U+FFFD for the same bytes; a
  // diff never starts with the BOM TextDecoder would drop), without TextDecoder's set-up
  const lines = r.stdout.toString('utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  yield lines;
}
