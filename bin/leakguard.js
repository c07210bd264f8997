#!/usr/bin/env node
// The bin loads the CLI (the bundle, with V8's code cache) and runs it; a crash is exit 2, never 0 or 1.
// CommonJS (bin/package.json), like the bundle it loads: an ES module entry costs node's module
// loader ~10 ms of the hook's start-up before the first line runs.
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const { pathToFileURL } = require('node:url');

/**
 * The bundled CLI (scripts/bundle.mjs) when the build made one, else tsc's modules. The bundle is
 * compiled with V8's code cache, kept beside it per build (the id on its first line), V8 version
 * and kind of run. The first run, or one whose cache V8 turns down, writes it: a hook's run as it
 * exits, so that the cache holds every function the run compiled, the scan's too (callgrind: 7%
 * fewer instructions for the hook than a cache made before the scan); any other command's once
 * the modules are set up (a cache of its scan too made V8 optimize more of a short path scan, a
 * compile the process then waited for). A folder that cannot be written (a read-only install)
 * only goes without. V8 stamps a cache with a hash of its flags, and V8 13 changes that hash for
 * good once a flag is set, even back to its default: a hook run that writes the cache keeps V8's
 * flags as they are (cacheWritten), so that the next runs, which start with those flags, take it.
 */
let cacheWritten = false;
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
  // node:vm only now, once a hook's git has started: node's start does not load it
  const { Script } = require('node:vm');
  // the file is a function expression: CommonJS's wrapper is written into it (scripts/bundle.mjs)
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  // the bin's own require: the bundle's node:module is a shim that gives it (scripts/bundle.mjs)
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    // (bin/code-cache.js: not compiled on the runs that only use a cache)
    if (!hook) require('./code-cache.js').writeCache(script, cacheFile);
    else {
      cacheWritten = true;
      process.on('exit', () => require('./code-cache.js').writeCache(script, cacheFile));
    }
  }
  return module.exports;
};

/**
 * A hook's staged diff, started before the bundle is compiled: git runs on another core while
 * node deserializes and sets up the CLI, the config and the rules, and the scan finds the diff
 * waiting in the pipe instead of waiting for git (bench/starts.mjs: 1.2 ms of the hook's 27).
 * src/sources/prefetch.ts takes it only when its own command is this one (the same arguments,
 * folder and environment), and runs git itself otherwise. The command and environment are the
 * bundle's second line, written by the build from the staged source itself. git writes into a
 * pipe that the scan reads with blocking reads, so nothing staged is written anywhere; neither
 * handle keeps node running, so a CLI that never takes the diff still exits, and git then stops
 * on the closed pipe. For a plain `--staged` (flags only) on the node versions whose spawn binding
 * is tested (BINDING_NODE_MAJORS, the list of src/util/builtin.ts, whose nodeBinding has the same
 * conditions); not on Windows. git runs in this folder, and the scan takes its output only when
 * that is the work tree's top, as in a git hook. Anything that fails here only means no prefetch.
 */
const BINDING_NODE_MAJORS = [20, 22, 24];
const prefetchStaged = (source) => {
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const major = Number(process.versions.node.split('.')[0]);
  if (!BINDING_NODE_MAJORS.includes(major) || process.platform === 'win32' || flags.includes('deprecation') || flags.includes('permission') || process.env.NODE_PENDING_DEPRECATION || typeof process.binding !== 'function') return undefined;
  let pipe;
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
    const { Pipe, constants: kinds } = process.binding('pipe_wrap');
    pipe = new Pipe(kinds.SOCKET);
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
    const stdio = [{ type: 'ignore' }, { type: 'pipe', handle: pipe }, { type: 'ignore' }];
    const file = 'git';
    const gitArgs = ['git', ...staged.args];
    // node 24 takes spawn's options as arguments (file, args, cwd, envPairs, stdio, flags), as
    // its child_process passes them; node 20 and 22 take one object
    const spawned = major >= 24 ? handle.spawn(file, gitArgs, cwd, envPairs, stdio, 0) : handle.spawn({ file, args: gitArgs, cwd, envPairs, stdio, detached: false, windowsHide: false, windowsVerbatimArguments: false });
    if (spawned !== 0) {
      handle.close();
      pipe.close();
      return undefined;
    }
    const kill = () => running && handle.kill(15);
    const fd = pipe.fd;
    if (!Number.isInteger(fd) || fd < 0 || pipe.setBlocking(true) !== 0) {
      kill();
      pipe.close();
      return undefined;
    }
    handle.unref();
    pipe.unref();
    const ref = () => running && handle.ref();
    return { file: 'git', args: staged.args, cwd, envPairs, fd, exited, kill, ref, close: () => pipe.close() };
  } catch {
    pipe?.close();
    return undefined;
  }
};

const main = async () => {
  const hook = args.includes('--staged') || args.includes('--pre-commit-framework');
  let prefetched;
  const staged = args.includes('--staged') && args.every((a) => a.startsWith('-'));
  const cli = await loadCli(hook, staged ? (source) => (prefetched = prefetchStaged(source)) : undefined);
  // binMain sets the exit code when the run is over; should node's event loop ever run dry before
  // that (a promise nothing resolves), the exit is 2, never a silent 0
  process.exitCode = 2;
  // the process's side of the CLI (streams, V8's flags for a hook, the exit): src/cli/bin-main.ts
  await cli.binMain(args, { hook: hook && !scansHistory(args) && !cacheWritten, prefetched });
};

// A history scan runs in a second node with a smaller young generation (bin/small-heap.js)
const scansHistory = (args) => args.some((a) => a === '--all-commits' || a === '--range' || a.startsWith('--range='));

const args = process.argv.slice(2);
const reexec = scansHistory(args) && !process.env.LEAKGUARD_SMALL_HEAP && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'));
if (!reexec || !require('./small-heap.js').runSmallHeap(args)) main().catch((error) => {
  const { version } = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));
  process.stderr.write(`leakguard ${version} could not start (${error?.message ?? error}); reinstall it (npm install leakguard) and try again.\n`);
  process.exitCode = 2;
});
