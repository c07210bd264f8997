import { builtin, nodeBinding } from '../util/builtin.js';
import { getSystemErrorName } from 'node:util';

/** What a synchronous run of a program gives back: spawnSync's result, with Buffers. */
export interface SyncRun {
  /** The exit code; null when the program was killed by a signal or could not start. */
  status: number | null;
  signal: string | null;
  stdout: Buffer;
  stderr: Buffer;
  /** Set when the program could not start, or its output passed maxBuffer (code ENOBUFS). */
  error?: NodeJS.ErrnoException;
}

/**
 * node:child_process, loaded on first use. Loading it loads node's stream, net and dgram modules
 * too, a fifth of what a hook's clean run executes on top of node's own start (callgrind), and
 * the hook runs its one git command without it (runSync).
 */
export function childProcess(): typeof import('node:child_process') {
  return builtin<typeof import('node:child_process')>('node:child_process');
}

/** The native half of child_process.spawnSync, as node 20 calls it (lib/internal/child_process.js). */
interface SpawnSyncBinding {
  spawn(options: object): { status?: unknown; signal?: unknown; output?: unknown; error?: unknown };
}

let native: SpawnSyncBinding | null | undefined;

/** Which way runSync runs a program in this process (for tests). */
export function runSyncWay(): 'binding' | 'child_process' {
  return binding() ? 'binding' : 'child_process';
}

/** The binding node's own spawnSync calls, where util/builtin.ts's nodeBinding reaches it. */
function binding(): SpawnSyncBinding | undefined {
  if (native === undefined) {
    const found = nodeBinding<Partial<SpawnSyncBinding>>('spawn_sync');
    native = typeof found?.spawn === 'function' ? (found as SpawnSyncBinding) : null;
  }
  return native ?? undefined;
}

/** The environment as spawn passes it: KEY=value strings, unset and NUL-holding entries left out. */
export function envPairs(env: NodeJS.ProcessEnv): string[] {
  const pairs: string[] = [];
  for (const key in env) {
    const value = env[key];
    if (value !== undefined && !key.includes('\0') && !value.includes('\0')) pairs.push(`${key}=${value}`);
  }
  return pairs;
}

export interface SyncRunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Bytes of stdout or stderr after which the program is killed and error.code is ENOBUFS. */
  maxBuffer: number;
  /** What the program reads on stdin (closed when absent). */
  input?: Buffer;
}

/**
 * Run a program that only reads (git diff, git rev-parse, git check-ignore) synchronously, with
 * stdin closed or given, and collect its output: child_process.spawnSync's result, without
 * loading child_process where node's spawnSync binding is reached (util/builtin.ts). node's spawnSync is a thin layer over that binding (option
 * checks, then the call); this makes the same call with the options it would pass. A result of
 * any other shape runs the program again through child_process.spawnSync, which is why only
 * read-only programs go through here. test/unit/spawn-sync.test.ts holds both ways equal.
 */
export function runSync(file: string, args: readonly string[], options: SyncRunOptions): SyncRun {
  const fast = binding();
  if (fast && ![file, ...args, options.cwd].some((a) => a.includes('\0'))) {
    const pipe = { type: 'pipe', readable: false, writable: true };
    const r = fast.spawn({
      file,
      args: [file, ...args],
      cwd: options.cwd,
      envPairs: envPairs(options.env),
      // as spawnSync passes `input`: a pipe the child reads, filled before it runs
      stdio: [options.input ? { type: 'pipe', readable: true, writable: false, input: options.input } : { type: 'ignore' }, pipe, { ...pipe }],
      detached: false,
      windowsHide: false,
      windowsVerbatimArguments: false,
      killSignal: undefined,
      maxBuffer: options.maxBuffer,
    });
    const run = fromBinding(file, r);
    if (run) return run;
  }
  const r = childProcess().spawnSync(file, args, { cwd: options.cwd, env: options.env, maxBuffer: options.maxBuffer, stdio: [options.input ? 'pipe' : 'ignore', 'pipe', 'pipe'], input: options.input });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr ?? Buffer.alloc(0), error: r.error };
}

/** The binding's answer as a SyncRun, or undefined when it is not of the shape node 20 gives. */
function fromBinding(file: string, r: { status?: unknown; signal?: unknown; output?: unknown; error?: unknown }): SyncRun | undefined {
  const status = r.status === null || typeof r.status === 'number' ? r.status : undefined;
  const signal = r.signal === null || typeof r.signal === 'string' ? r.signal : undefined;
  if (status === undefined || signal === undefined) return undefined;
  const output = r.output;
  const streams = Array.isArray(output) && Buffer.isBuffer(output[1]) && Buffer.isBuffer(output[2]) ? (output as Buffer[]) : undefined;
  if (r.error === undefined) return streams && { status, signal, stdout: streams[1]!, stderr: streams[2]! };
  if (typeof r.error !== 'number' || !(r.error < 0)) return undefined;
  // node's own words for it: "spawnSync git ENOENT", with code, errno, syscall and path
  const code = getSystemErrorName(r.error);
  const error: NodeJS.ErrnoException = Object.assign(new Error(`spawnSync ${file} ${code}`), { code, errno: r.error, syscall: `spawnSync ${file}`, path: file });
  return { status, signal, stdout: streams?.[1] ?? Buffer.alloc(0), stderr: streams?.[2] ?? Buffer.alloc(0), error };
}
