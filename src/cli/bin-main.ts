import type { ExitCode } from './exit-code.js';
import { adoptPrefetch, type Prefetch } from '../sources/prefetch.js';
import { builtin, nodeBinding } from '../util/builtin.js';
import { run } from './run.js';
import { stdWriter } from './std-writer.js';

/**
 * What the bin (bin/leakguard.js) runs once it has the CLI: the process's side of the CLI (its
 * streams, V8's flags for a hook, the exit), here rather than in the bin so that V8's code cache
 * of the bundle holds it too: the bin itself is compiled at every start. The bin maps any crash
 * to exit 2, never 0 or 1.
 */
export async function binMain(args: readonly string[], options: { hook: boolean; prefetched?: Prefetch }): Promise<void> {
  if (options.prefetched) adoptPrefetch(options.prefetched);
  if (options.hook) v8Flags.raise();
  process.exitCode = (await run(args, {
    stdout,
    stderr,
    stdin: readStdin,
    env: process.env,
    cwd: process.cwd(),
    get isTTY() {
      return isatty(1);
    },
    get stderrIsTTY() {
      return isatty(2);
    },
    // a staged change of a megabyte or more is a long run after all: V8's defaults again
    onLargeScan: () => v8Flags.restore(),
  })) satisfies ExitCode;
  await out.flushed();
  if (stdoutError && stdoutError.code !== 'EPIPE') {
    stderr(`leakguard: could not write the report to standard output (${stdoutError.code ?? stdoutError.message}); free space where the output goes, or write it with --output FILE.\n`);
    process.exitCode = 2;
  }
  // Everything is written and every child has exited: exit now rather than tear the heap down
  // (callgrind: 7 M fewer instructions of the hook's 160 M). 'exit' handlers (the code cache) run.
  await err.flushed();
  process.exit();
}

const readStdin = async (): Promise<string> => {
  if (process.stdin.isTTY) return '';
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

// A reader that stops early (`| head`) is not a failure, and the exit code still tells the result;
// any other failure to write the report (a full disk behind `>`) is exit 2, never a stack trace.
// Both outputs are written without node's streams where it can (cli/std-writer.ts): a clean hook
// prints one line, and making process.stderr would load node's stream and net modules for it.
let stdoutError: NodeJS.ErrnoException | undefined;
const out = stdWriter(1, () => process.stdout, (error) => (stdoutError ??= error));
const err = stdWriter(2, () => process.stderr, () => undefined);
const stdout = (text: string): void => out.write(text);
const stderr = (text: string): void => err.write(text);
// node:tty loads node's net and stream modules; its isatty is a call of the binding behind it,
// made here where nodeBinding reaches it (util/builtin.ts), and asked only when something is printed
const isatty = (fd: number): boolean => {
  const tty = nodeBinding<{ isTTY?: (fd: number) => boolean }>('tty_wrap');
  return typeof tty?.isTTY === 'function' ? tty.isTTY(fd) : builtin<typeof import('node:tty')>('node:tty').isatty(fd);
};

const userFlags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
const v8Major = Number(process.versions.v8.split('.')[0]);

/**
 * node:v8's setFlagsFromString is a call of the binding behind it, and loading node:v8 loads
 * node's stream classes too (for heap snapshots): 13 M instructions, a sixth of what the hook
 * runs on top of node's own start (callgrind). So the binding is called itself where
 * nodeBinding reaches it (util/builtin.ts), and node:v8 does it elsewhere.
 */
function setFlags(flags: string): void {
  const binding = nodeBinding<{ setFlagsFromString?: (flags: string) => void }>('v8');
  if (typeof binding?.setFlagsFromString === 'function') binding.setFlagsFromString(flags);
  else builtin<typeof import('node:v8')>('node:v8').setFlagsFromString(flags);
}

/**
 * A hook's run is over before V8's optimized code would pay back its compile. With a code cache
 * of what the scan runs, TurboFan optimized the keyword prefilter's loop in the hook bench, a
 * background compile the process then waits for as it exits (callgrind: 45 M instructions,
 * against 190 M for the whole run); and a regex run twice is compiled to machine code (most of
 * the hook's regexes run on a few short strings). So for a staged scan, V8's interrupt budget
 * (the bytecode a function runs between tier-up checks) is raised 4.5 times and the runs a
 * regex stays interpreted to 20 (V8 compiles a regex at once for a subject of 1,000 characters
 * or more): the hook bench's change took 32.5 ms instead of 39.1 (hyperfine, 200 runs each, the
 * same code cache). Past a megabyte of staged text the scan says so (io.onLargeScan) and V8's
 * defaults come back: kept raised, the budget made a staged 10 MB 3% slower; path scans keep the
 * defaults throughout. The run that writes the code cache does not raise them (the bin passes
 * `hook: false`): V8 stamps a cache with a hash of its flags. V8 13 (node 24) counts tier-up in
 * invocations instead, and compiled the same loop with Maglev on stack replacement: with its
 * counts raised ten times, the hook took 29.6 ms instead of 35.1 (hyperfine, 40 runs; node 24
 * refuses the v8 binding, so node:v8 sets them, within that figure). V8 12 (node 22) measured no gain, and keeps its defaults. Only for the V8
 * versions measured, and not when the user sets any of these flags.
 */
const TIER_UP: Record<number, { names: string[]; raised: string; defaults: string } | undefined> = {
  11: { names: ['interrupt-budget', 'regexp-tier-up'], raised: '--interrupt-budget=300000 --regexp-tier-up-ticks=20', defaults: '--interrupt-budget=67584 --regexp-tier-up-ticks=1' },
  13: {
    names: ['invocation-count-for'],
    raised: '--invocation-count-for-maglev=4000 --invocation-count-for-turbofan=30000 --invocation-count-for-maglev-osr=1000 --invocation-count-for-osr=5000',
    defaults: '--invocation-count-for-maglev=400 --invocation-count-for-turbofan=3000 --invocation-count-for-maglev-osr=100 --invocation-count-for-osr=500',
  },
};

export const v8Flags = (() => {
  const tierUp = TIER_UP[v8Major];
  const known = tierUp !== undefined && !tierUp.names.some((name) => userFlags.includes(name));
  let raised = false;
  return {
    raise: (): void => {
      if (!known) return;
      setFlags(tierUp.raised);
      raised = true;
    },
    restore: (): void => {
      if (raised) setFlags(tierUp!.defaults);
      raised = false;
    },
  };
})();
