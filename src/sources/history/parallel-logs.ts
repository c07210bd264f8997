import type { ChildProcess } from 'node:child_process';
import { GitError } from '../../errors.js';
import { SAFE_CONFIG, gitEnv, gitFailure } from '../git.js';
import { childProcess } from '../spawn-sync.js';

/**
 * Bytes of git output held per git process before it is paused (backpressure). Each process is
 * read as its output comes, so this only fills while detection is behind.
 */
const READ_AHEAD = 1024 * 1024;
/**
 * Bytes of chunks gathered before they are handed on, as one run. git writes 4 KB at a time, and
 * each run handed on costs a turn of every async generator downstream: on eslint's history,
 * 28 000 runs of one 4 KB chunk cost more than a tenth of the scan's CPU. The pipe holds 64 KB,
 * so git does not wait either. The chunks are not copied into one.
 */
const HAND_ON = 64 * 1024;

/**
 * glibc's malloc gives each of git's large diff buffers its own mapping and unmaps it when freed,
 * so every big file diffed again costs fresh page faults: 72 000 for a quarter of eslint's
 * history. Serving them from the heap and keeping freed memory (64 MB and 128 MB thresholds)
 * halved the faults and took about 4% off the scan's CPU (README, "Speed and memory"). Other C libraries
 * ignore the variable; a user's own GLIBC_TUNABLES come after these, and so win.
 */
export const MALLOC_TUNABLES = 'glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=134217728';

export function logEnv(): NodeJS.ProcessEnv {
  const env = gitEnv();
  env.GLIBC_TUNABLES = env.GLIBC_TUNABLES ? `${MALLOC_TUNABLES}:${env.GLIBC_TUNABLES}` : MALLOC_TUNABLES;
  return env;
}

/** What a git process wrote since the last run was taken, or its end. */
export interface LogRun {
  /** The slice of the commit list the output belongs to: the index of its first commit. */
  slice: number;
  chunks: Buffer[];
  /** The slice is finished: git exited cleanly and every chunk was handed on before. */
  done: boolean;
}

/** One `git log --stdin` over a slice of the commit list, read into a bounded buffer. */
class Slice {
  private chunks: Buffer[] = [];
  private bytes = 0;
  private ended = false;
  private code: number | undefined;
  private failure: Error | undefined;
  private readonly err: Buffer[] = [];
  private readonly child: ChildProcess;
  private readonly args: readonly string[];
  readonly first: number;

  constructor(args: readonly string[], cwd: string, shas: Buffer, first: number, notify: () => void) {
    this.args = args;
    this.first = first;
    const child = childProcess().spawn('git', [...SAFE_CONFIG, ...args], { cwd, env: logEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (b: Buffer) => {
      this.chunks.push(b);
      this.bytes += b.length;
      if (this.bytes > READ_AHEAD) child.stdout!.pause();
      if (this.bytes >= HAND_ON) notify();
    });
    child.stderr!.on('data', (b: Buffer) => {
      if (this.err.length < 64) this.err.push(b);
    });
    child.on('error', (error) => {
      this.failure = new GitError(`git could not be started (${error.message}); install git and make sure it is on PATH.`, { cause: error });
      this.ended = true;
      notify();
    });
    child.on('close', (code) => {
      this.code = code ?? 1;
      this.ended = true;
      notify();
    });
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(shas);
  }

  /**
   * About HAND_ON bytes of the chunks read so far, when there are that many (or git has ended);
   * else undefined. Never more at once, also when detection is behind: what one run turns into
   * (its text and items) is what is alive at a garbage collection, and a small live set keeps
   * the young generation small (measured: 1 MB runs cost about 10 MB of peak RSS).
   */
  take(): Buffer[] | undefined {
    if (this.chunks.length === 0 || (this.bytes < HAND_ON && !this.ended)) return undefined;
    let count = 0;
    let size = 0;
    while (count < this.chunks.length && size < HAND_ON) size += this.chunks[count++]!.length;
    const taken = this.chunks.splice(0, count);
    this.bytes -= size;
    if (this.bytes < READ_AHEAD / 2 && this.child.stdout!.isPaused()) this.child.stdout!.resume();
    return taken;
  }

  /** git has exited and everything it wrote was taken; throws GitError when it failed, so a broken repository is never "clean". */
  finished(): boolean {
    if (!this.ended || this.chunks.length) return false;
    if (this.failure) throw this.failure;
    if (this.code !== 0) throw gitFailure(this.args, Buffer.concat(this.err).toString('utf8'));
    return true;
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

export interface ParallelLogOptions {
  cwd: string;
  /** `git log` arguments; the commits come on stdin, one sha per line. */
  args: readonly string[];
  /** The commit list: fixed-length lines "<sha>\n". */
  shas: Buffer;
  lineLength: number;
  /** git processes running at once. */
  jobs: number;
  /** Commits per git process. */
  sliceSize: number;
}

/**
 * `git log` over a commit list, split into slices that up to `jobs` git processes generate at
 * once. Each process's output is handed on as it comes, in runs tagged with the slice, so no
 * process waits for another: the runs of one slice come in order, the slices interleave. (The
 * scan puts its results in commit order afterwards, by each commit's position.) A process whose
 * output is not taken pauses after READ_AHEAD bytes, so memory stays bounded.
 */
export async function* parallelLog(options: ParallelLogOptions): AsyncGenerator<LogRun> {
  const step = Math.max(1, options.sliceSize) * options.lineLength;
  const jobs = Math.max(1, options.jobs);
  let next = 0;
  const running: Slice[] = [];
  let wake: (() => void) | undefined;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const start = (): void => {
    while (running.length < jobs && next < options.shas.length) {
      running.push(new Slice(options.args, options.cwd, options.shas.subarray(next, next + step), next / options.lineLength, notify));
      next += step;
    }
  };
  start();
  // the slice to look at first: taking turns keeps every process flowing when detection is behind
  let turn = 0;
  try {
    while (running.length) {
      let run: LogRun | undefined;
      for (let k = 0; k < running.length && !run; k++) {
        const at = (turn + k) % running.length;
        const slice = running[at]!;
        const chunks = slice.take();
        if (chunks) {
          run = { slice: slice.first, chunks, done: false };
          turn = at + 1;
        } else if (slice.finished()) {
          running.splice(at, 1);
          start();
          run = { slice: slice.first, chunks: [], done: true };
        }
      }
      if (run) yield run;
      // nothing to hand on: wait for a process to write or end (its events run only between turns)
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    for (const slice of running) slice.kill();
  }
}
