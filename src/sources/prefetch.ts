import { readSync } from 'node:fs';
import { envPairs, type SyncRun, type SyncRunOptions } from './spawn-sync.js';

/**
 * The staged diff, when the bin started git before it set up the CLI (bin/leakguard.js,
 * `prefetchStaged`): git then runs on another core while node deserializes and sets up the CLI,
 * the config and the rules, and the scan finds the diff waiting. git writes into a pipe, which
 * the bin made blocking: the scan reads it with fs.readSync, without node's stream classes (whose
 * load costs the hook more than git's run) and without writing the staged text anywhere.
 */
export interface Prefetch {
  file: string;
  args: readonly string[];
  cwd: string;
  envPairs: readonly string[];
  /** The read end of git's stdout. Its stderr is not kept: a prefetch that failed is run again, and says why then. */
  fd: number;
  exited: Promise<{ status: number; signal: string | null } | undefined>;
  kill: () => void;
  /** Let git's exit keep node running (the bin unrefs it, so that a CLI that never takes it exits). */
  ref: () => void;
  close: () => void;
}

let pending: Prefetch | undefined;

/** Hand the bin's prefetch to takePrefetched (bin-main.ts). */
export function adoptPrefetch(p: Prefetch): void {
  pending = p;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * What the prefetched command gave, when it is this very command (program, arguments, folder and
 * environment all equal) and it succeeded; otherwise undefined, and the caller runs the command
 * itself. An output past maxBuffer stops git and answers ENOBUFS, as spawnSync would, so the
 * caller streams instead. Taken once; a prefetch no command matches is left to the bin's exit.
 */
export async function takePrefetched(file: string, args: readonly string[], options: SyncRunOptions): Promise<SyncRun | undefined> {
  const p = pending;
  if (!p || p.file !== file || p.cwd !== options.cwd || !same(p.args, args) || !same(p.envPairs, envPairs(options.env))) return undefined;
  pending = undefined;
  let stdout: Buffer | 'overflow' | undefined;
  try {
    stdout = readToEnd(p.fd, options.maxBuffer);
  } catch {
    stdout = undefined;
  } finally {
    p.close();
  }
  if (stdout === 'overflow') {
    p.kill();
    const error: NodeJS.ErrnoException = Object.assign(new Error(`spawnSync ${file} ENOBUFS`), { code: 'ENOBUFS', syscall: `spawnSync ${file}`, path: file });
    return { status: null, signal: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), error };
  }
  if (stdout === undefined) {
    p.kill();
    return undefined;
  }
  // git has closed its stdout: its exit is told in the event loop's next turn
  p.ref();
  const exit = await p.exited;
  if (!exit || exit.status !== 0 || exit.signal) return undefined;
  return { status: 0, signal: null, stdout, stderr: Buffer.alloc(0) };
}

/** Everything left to read from a blocking fd, or 'overflow' past max bytes. */
function readToEnd(fd: number, max: number): Buffer | 'overflow' {
  let out = Buffer.allocUnsafe(64 * 1024);
  let have = 0;
  for (;;) {
    if (have === out.length) {
      if (have > max) return 'overflow';
      const bigger = Buffer.allocUnsafe(Math.min(out.length * 2, max + 1));
      out.copy(bigger, 0, 0, have);
      out = bigger;
    }
    const n = readSync(fd, out, have, out.length - have, null);
    if (n === 0) return have > max ? 'overflow' : out.subarray(0, have);
    have += n;
  }
}
