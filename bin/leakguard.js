#!/usr/bin/env node
// The bin loads the CLI (the bundle, with V8's code cache) and runs it; a crash is exit 2, never 0 or 1.
// CommonJS (bin/package.json), like the bundle it loads: an ES module entry costs node's module
// loader ~10 ms of the hook's start-up before the first line runs.
const { closeSync, constants, openSync, readFileSync, renameSync, rmSync, unlinkSync, writeSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { pathToFileURL } = require('node:url');

const v8Major = Number(process.versions.v8.split('.')[0]);

/**
 * The bundled CLI (scripts/bundle.mjs) when the build made one, else tsc's modules. The bundle is
 * compiled with V8's code cache, kept beside it per build (the id on its first line), V8 version
 * and kind of run. The first run, or one whose cache V8 turns down, writes it: a hook's run as it
 * exits, so that the cache holds every function the run compiled, the scan's too (callgrind: 7%
 * fewer instructions for the hook than a cache made before the scan); any other command's once
 * the modules are set up (a cache of its scan too made V8 optimize more of a short path scan, a
 * compile the process then waited for). A folder that cannot be written (a read-only install)
 * only goes without.
 */
const loadCli = (hook, onSource) => {
  const kind = hook ? 'hook' : 'cli';
  const file = join(__dirname, '../dist/bundle/cli.cjs');
  let source;
  try {
    // latin1: the build keeps the bundle ASCII (scripts/bundle.mjs), and V8 takes latin1 text
    // as a one-byte string without decoding it
    source = readFileSync(file, 'latin1');
  } catch (error) {
    if (error?.code === 'ENOENT') return import(pathToFileURL(join(__dirname, '../dist/cli/bin-main.js')).href);
    throw error;
  }
  // the build id on the first line (no regex: its first run would be its compile)
  const head = '// leakguard-build ';
  const build = source.startsWith(head) ? source.slice(head.length, source.indexOf('\n')) : undefined;
  const cacheFile = build && `${file}.${build}-${process.versions.v8}.${kind}.cache`;
  onSource?.(source);
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  // the file is a function expression: CommonJS's wrapper is written into it (scripts/bundle.mjs)
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  // the bin's own require: the bundle's node:module is a shim that gives it (scripts/bundle.mjs)
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    if (!hook) writeCache(script, cacheFile);
    else {
      process.on('exit', () => {
        // V8 stamps a cache with a hash of its flags: the next run, which loads the cache before
        // it raises the budget, takes only a cache made with the flags it starts with
        module.exports.v8Flags.restore();
        writeCache(script, cacheFile);
      });
    }
  }
  return module.exports;
};

const writeCache = (script, cacheFile) => {
  const temp = `${cacheFile}.${process.pid}`;
  let fd;
  try {
    fd = openSync(temp, 'w');
  } catch {
    return; // a read-only install: start without the cache (and without making one)
  }
  try {
    writeSync(fd, script.createCachedData());
    closeSync(fd);
    renameSync(temp, cacheFile);
  } catch {
    try {
      closeSync(fd);
    } catch {
      // closed already
    }
    rmSync(temp, { force: true });
  }
};

/**
 * A hook's staged diff, started before the bundle is compiled: git runs on another core while
 * node deserializes and sets up the CLI, the config and the rules, and the scan finds the diff
 * written instead of waiting for git (src/sources/prefetch.ts takes it when its command is this
 * one; bench/hook.mjs). The command and environment are the bundle's second line, written by
 * the build from the staged source itself. For a plain `--staged` (flags only) on node 20, where
 * the spawn binding is the one child_process uses (src/sources/spawn-sync.ts, with the same
 * conditions), not on Windows; git runs in this folder, and the scan takes the output only when
 * that is the work tree's top, as in a git hook. Anything that fails here only means no prefetch.
 */
const prefetchStaged = (source) => {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (!process.versions.node.startsWith('20.') || process.platform === 'win32' || flags.includes('deprecation') || flags.includes('permission') || process.env.NODE_PENDING_DEPRECATION) return undefined;
  let fd;
  try {
    const at = source.indexOf('\n') + 1;
    const head = '// leakguard-staged ';
    if (!source.startsWith(head, at)) return undefined;
    const staged = JSON.parse(source.slice(at + head.length, source.indexOf('\n', at)));
    const env = { ...process.env };
    for (const name of staged.unset) delete env[name];
    Object.assign(env, staged.set);
    const envPairs = [];
    for (const key in env) if (env[key] !== undefined && !key.includes('\0') && !env[key].includes('\0')) envPairs.push(`${key}=${env[key]}`);
    const { Process } = process.binding('process_wrap');
    const temp = join(process.env.TMPDIR || '/tmp', `leakguard-${process.pid}-${Date.now()}.diff`);
    fd = openSync(temp, constants.O_RDWR | constants.O_CREAT | constants.O_EXCL, 0o600);
    unlinkSync(temp);
    const cwd = process.cwd();
    const handle = new Process();
    let running = true;
    const exited = new Promise((resolve) => {
      handle.onexit = (status, signal) => {
        running = false;
        handle.close();
        resolve(typeof status === 'number' ? { status, signal } : undefined);
      };
    });
    const stdio = [{ type: 'ignore' }, { type: 'fd', fd }, { type: 'ignore' }];
    if (handle.spawn({ file: 'git', args: ['git', ...staged.args], cwd, envPairs, stdio, detached: false, windowsHide: false, windowsVerbatimArguments: false }) !== 0) {
      handle.close();
      closeSync(fd);
      return undefined;
    }
    return { file: 'git', args: staged.args, cwd, envPairs, fd, exited, running: () => running, kill: () => running && handle.kill(15) };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
};

const main = async () => {
  const hook = args.includes('--staged') || args.includes('--pre-commit-framework');
  let prefetched;
  const staged = args.includes('--staged') && args.every((a) => a.startsWith('-'));
  const cli = await loadCli(hook, staged ? (source) => (prefetched = prefetchStaged(source)) : undefined);
  // the process's side of the CLI (streams, V8's flags for a hook, the exit): src/cli/bin-main.ts
  await cli.binMain(args, { hook: hook && !scansHistory(args), prefetched });
};

/**
 * A history scan reads a whole history's text through V8's young generation, which grows to a
 * 16 MB semi-space by default. A 4 MB one measured 9% less CPU and 25 MB less peak RSS on
 * eslint's saved history patch (README, "Speed and memory": the young objects stay in the
 * cache, and most of them die young). V8 sizes its heap as node starts, so for a history scan the bin starts node again with
 * the flag, its output and input the same (stdio inherited), signals passed on, and its exit code
 * or signal its own. The hook and file scans stay one process: the second start would cost
 * them more than a small heap saves.
 */
const SEMI_SPACE = '--max-semi-space-size=4';
/**
 * The history scan's child also inlines less: TurboFan compiles each hot function several times
 * over a scan (a deoptimization each time a rarely taken branch runs), and with V8's default
 * limits a compile of the generic detector's largest functions took about 100 ms. Inlining only
 * callees of up to 80 bytes of bytecode measured 8% fewer instructions for parsing and detecting
 * eslint's saved history patch, and 7% less of node's CPU in the history bench (README, "Speed
 * and memory"). node refuses to start with a flag its V8 does not know, so it is passed only to
 * the V8 versions known to have it: 11 (node 20, measured) to 14 (V8's current sources).
 */
const INLINE_LESS = v8Major >= 11 && v8Major <= 14 ? ['--max-inlined-bytecode-size=80'] : [];
const scansHistory = (args) => args.some((a) => a === '--all-commits' || a === '--range' || a.startsWith('--range='));

const runSmallHeap = (args) => {
  const { spawn } = require('node:child_process');
  let child;
  try {
    // without NODE_EXTRA_CA_CERTS: node reads and parses that file as it starts (90 ms on the
    // bench machine, for a bundle of 144 certificates), and a history scan opens no connection
    const env = { ...process.env, LEAKGUARD_SMALL_HEAP: '1' };
    delete env.NODE_EXTRA_CA_CERTS;
    child = spawn(process.execPath, [...process.execArgv, SEMI_SPACE, ...INLINE_LESS, __filename, ...args], { stdio: 'inherit', env });
  } catch {
    return false;
  }
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const pass = (signal) => child.kill(signal);
  for (const signal of signals) process.on(signal, pass);
  child.on('error', (error) => {
    process.stderr.write(`leakguard could not start node again for the history scan (${error.message}); set LEAKGUARD_SMALL_HEAP=1 to scan in one process.\n`);
    process.exitCode = 2;
  });
  child.on('exit', (code, signal) => {
    for (const s of signals) process.off(s, pass);
    if (signal) process.kill(process.pid, signal);
    else process.exitCode = code ?? 2;
  });
  return true;
};

const args = process.argv.slice(2);
const reexec = scansHistory(args) && !process.env.LEAKGUARD_SMALL_HEAP && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'));
if (!reexec || !runSmallHeap(args)) main().catch((error) => {
  const { version } = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
  process.stderr.write(`leakguard ${version} could not start (${error?.message ?? error}); reinstall it (npm install leakguard) and try again.\n`);
  process.exitCode = 2;
});
