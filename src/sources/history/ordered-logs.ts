import { spawn, type ChildProcess } from 'node:child_process';
import { GitError } from '../../errors.js';
import { SAFE_CONFIG, gitEnv, gitFailure } from '../git.js';

/** Bytes of git output read ahead per batch before git is paused (backpressure). */
const READ_AHEAD = 8 * 1024 * 1024;
/**
 * Bytes of chunks gathered before they are handed on, as one run. git writes 4 KB at a time, and
 * each run handed on costs a turn of every async generator downstream: on eslint's history,
 * 28 000 runs of one 4 KB chunk cost more than a tenth of the scan's CPU. The pipe holds 64 KB,
 * so git does not wait either. The chunks are not copied into one.
 */
const HAND_ON = 64 * 1024;

/** One `git log --stdin` over a slice of the commit list, read ahead into a bounded buffer. */
class Batch {
  private readonly chunks: Buffer[] = [];
  private bytes = 0;
  private ended = false;
  private code: number | undefined;
  private failure: Error | undefined;
  private readonly err: Buffer[] = [];
  private wake: (() => void) | undefined;
  private readonly child: ChildProcess;
  private readonly args: readonly string[];

  constructor(args: readonly string[], cwd: string, shas: Buffer) {
    this.args = args;
    const child = spawn('git', [...SAFE_CONFIG, ...args], { cwd, env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    this.child = child;
    child.stdout!.on('data', (b: Buffer) => {
      this.chunks.push(b);
      this.bytes += b.length;
      if (this.bytes > READ_AHEAD) child.stdout!.pause();
      if (this.bytes >= HAND_ON) this.notify();
    });
    child.stderr!.on('data', (b: Buffer) => {
      if (this.err.length < 64) this.err.push(b);
    });
    child.on('error', (error) => {
      this.failure = new GitError(`git could not be started (${error.message}); install git and make sure it is on PATH.`, { cause: error });
      this.ended = true;
      this.notify();
    });
    child.on('close', (code) => {
      this.code = code ?? 1;
      this.ended = true;
      this.notify();
    });
    child.stdin!.on('error', () => undefined);
    child.stdin!.end(shas);
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  /** The output, in order, in runs of chunks; throws GitError when git fails, so a broken repository is never "clean". */
  async *read(): AsyncGenerator<Buffer[]> {
    for (;;) {
      if (this.chunks.length && (this.bytes >= HAND_ON || this.ended)) {
        // about HAND_ON bytes at a time, also from a batch read far ahead
        let count = 0;
        let size = 0;
        while (count < this.chunks.length && size < HAND_ON) size += this.chunks[count++]!.length;
        const taken = this.chunks.splice(0, count);
        this.bytes -= size;
        if (this.bytes < READ_AHEAD / 2 && this.child.stdout!.isPaused()) this.child.stdout!.resume();
        yield taken;
        continue;
      }
      if (this.ended) break;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure;
    if (this.code !== 0) throw gitFailure(this.args, Buffer.concat(this.err).toString('utf8'));
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }
}

export interface OrderedLogOptions {
  cwd: string;
  /** `git log` arguments; the commits come on stdin, one sha per line. */
  args: readonly string[];
  /** The commit list: fixed-length lines "<sha>\n", in the order to report them. */
  shas: Buffer;
  lineLength: number;
  /** git processes running at once. */
  jobs: number;
  /** Commits per git process. */
  batchSize: number;
}

/**
 * `git log` over a commit list, split into batches that up to `jobs` git processes generate at
 * once, yielded strictly in list order. Batches ahead of the one being read buffer at most
 * READ_AHEAD bytes each before git is paused, so memory stays bounded however long history is.
 */
export async function* orderedLog(options: OrderedLogOptions): AsyncGenerator<Buffer[]> {
  const total = options.shas.length / options.lineLength;
  const step = Math.max(1, options.batchSize) * options.lineLength;
  let next = 0;
  const running: Batch[] = [];
  const start = () => {
    while (running.length < Math.max(1, options.jobs) && next < options.shas.length) {
      running.push(new Batch(options.args, options.cwd, options.shas.subarray(next, next + step)));
      next += step;
    }
  };
  if (total === 0) return;
  start();
  try {
    while (running.length) {
      yield* running[0]!.read();
      running.shift();
      start();
    }
  } finally {
    for (const b of running) b.kill();
  }
}
