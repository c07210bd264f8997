import { closeSync, fstatSync, readSync } from 'node:fs';
import type { SyncRun, SyncRunOptions } from './spawn-sync.js';

/**
 * The staged diff, when the bin started git before it set up the CLI (bin/leakguard.js,
 * `prefetchStaged`): git then runs on another core while node deserializes and sets up the CLI,
 * the config and the rules, and the scan finds the diff written. git writes to a temp file that
 * has no name (created exclusively, 0600, and unlinked at once: no one else can open it, and it
 * goes when closed), not to a pipe: reading a pipe needs node's stream classes, which cost the
 * hook more than git's run.
 */
export interface Prefetch {
  file: string;
  args: readonly string[];
  cwd: string;
  envPairs: readonly string[];
  /** git's stdout; its stderr is not kept: a prefetch that failed is run again, and says why then. */
  fd: number;
  exited: Promise<{ status: number; signal: string | null } | undefined>;
  running: () => boolean;
  kill: () => void;
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
 * itself. An output past maxBuffer stops git and answers ENOBUFS, as spawnSync would; while git
 * still runs, the temp file is watched so that it never grows far past that. Taken once.
 */
export async function takePrefetched(file: string, args: readonly string[], options: SyncRunOptions & { envPairs: readonly string[] }): Promise<SyncRun | undefined> {
  const p = pending;
  if (!p || p.file !== file || p.cwd !== options.cwd || !same(p.args, args) || !same(p.envPairs, options.envPairs)) return undefined;
  pending = undefined;
  try {
    const tooLarge = () => fstatSync(p.fd).size > options.maxBuffer;
    // git's exit is told in the event loop's next turn: usually git is done by now, and one
    // setImmediate lets the loop say so. Only while git still runs is its output watched, by a
    // timer (whose first use costs the hook 2 M instructions), so a huge diff never fills the
    // temp folder.
    let exit: Awaited<Prefetch['exited']> | 'overflow' | 'running' = tooLarge() ? 'overflow' : await Promise.race([p.exited, new Promise<'running'>((resolve) => setImmediate(() => resolve('running')))]);
    if (exit === 'running') {
      let watching: NodeJS.Timeout | undefined;
      const overflow = new Promise<'overflow'>((resolve) => {
        const look = () => {
          if (tooLarge()) resolve('overflow');
          else if (p.running()) watching = setTimeout(look, 2);
        };
        look();
      });
      exit = await Promise.race([p.exited, overflow]);
      if (watching) clearTimeout(watching);
    }
    if (exit === 'overflow' || (exit?.status === 0 && tooLarge())) {
      p.kill();
      const error: NodeJS.ErrnoException = Object.assign(new Error(`spawnSync ${file} ENOBUFS`), { code: 'ENOBUFS', syscall: `spawnSync ${file}`, path: file });
      return { status: null, signal: null, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0), error };
    }
    if (!exit || exit.status !== 0 || exit.signal) return undefined;
    const stdout = readWhole(p.fd);
    return stdout && { status: 0, signal: null, stdout, stderr: Buffer.alloc(0) };
  } catch {
    return undefined;
  } finally {
    closeSync(p.fd);
  }
}

function readWhole(fd: number): Buffer | undefined {
  const size = fstatSync(fd).size;
  const out = Buffer.allocUnsafe(size);
  for (let at = 0; at < size; ) {
    const n = readSync(fd, out, at, size - at, at);
    if (n === 0) return undefined;
    at += n;
  }
  return out;
}
