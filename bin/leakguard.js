#!/usr/bin/env node
// The bin only maps the CLI's result to an exit code; a crash is exit 2, never 0 or 1.
// CommonJS (bin/package.json), like the bundle it loads: an ES module entry costs node's module
// loader ~10 ms of the hook's start-up before the first line runs.
const { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');
const { isatty } = require('node:tty');
const { pathToFileURL } = require('node:url');

const v8Major = Number(process.versions.v8.split('.')[0]);

const readStdin = async () => {
  if (process.stdin.isTTY) return '';
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
};

// A reader that stops early (`| head`) is not a failure, and the exit code still tells the result;
// any other failure to write the report (a full disk behind `>`) is exit 2, never a stack trace.
// process.stdout is made on first use: a clean hook run with --quiet writes nothing.
let stdoutError;
let stdoutUsed = false;
const stdout = () => {
  if (!stdoutUsed) {
    stdoutUsed = true;
    process.stdout.on('error', (error) => {
      stdoutError ??= error;
    });
  }
  return process.stdout;
};
const flushed = () => new Promise((resolve) => (stdoutError || !stdoutUsed ? resolve() : stdout().write('', () => resolve())));
// stderr too, where its writes are asynchronous (pipes on macOS): the bin exits explicitly
const stderrFlushed = () => new Promise((resolve) => (process.stderr.writableLength === 0 ? resolve() : process.stderr.write('', () => resolve())));

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
const loadCli = (hook) => {
  const kind = hook ? 'hook' : 'cli';
  const file = join(__dirname, '../dist/bundle/cli.cjs');
  let source;
  try {
    // latin1: the build keeps the bundle ASCII (scripts/bundle.mjs), and V8 takes latin1 text
    // as a one-byte string without decoding it
    source = readFileSync(file, 'latin1');
  } catch (error) {
    if (error?.code === 'ENOENT') return import(pathToFileURL(join(__dirname, '../dist/cli/run.js')).href);
    throw error;
  }
  // the build id on the first line (no regex: its first run would be its compile)
  const head = '// leakguard-build ';
  const build = source.startsWith(head) ? source.slice(head.length, source.indexOf('\n')) : undefined;
  const cacheFile = build && `${file}.${build}-${process.versions.v8}.${kind}.cache`;
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  // the file is a function expression: CommonJS's wrapper is written into it (scripts/bundle.mjs)
  const script = new Script(source, { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
    if (!hook) writeCache(script, cacheFile);
    else {
      process.on('exit', () => {
        // V8 stamps a cache with a hash of its flags: the next run, which loads the cache before
        // it raises the budget, takes only a cache made with the flags it starts with
        budget.restore();
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
 * A hook's run is over before V8's optimized code would pay back its compile. With a code cache
 * of what the scan runs, TurboFan optimized the keyword prefilter's loop in the hook bench, a
 * background compile the process then waits for as it exits (callgrind: 45 M instructions,
 * against 190 M for the whole run); and a regex run twice is compiled to machine code (most of
 * the hook's regexes run on a few short strings). So for a staged scan, once the bundle is
 * loaded, the bin raises V8's interrupt budget (the bytecode a function runs between tier-up
 * checks) 4.5 times and the runs a regex stays interpreted to 20 (V8 compiles a regex at once
 * for a subject of 1,000 characters or more): the hook bench's change took 32.5 ms instead of
 * 39.1 (hyperfine, 200 runs each, the same code cache). Past a megabyte of staged text the scan
 * says so (io.onLargeScan) and V8's defaults come back: kept raised, the budget made a staged
 * 10 MB 3% slower; path scans keep the defaults throughout. Only for V8 11 (node 20), whose
 * defaults this restores before a cache is written (V8 stamps a cache with its flags), and not
 * when the user sets either flag.
 */
const budget = (() => {
  const userFlags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  const known = v8Major === 11 && !userFlags.includes('interrupt-budget') && !userFlags.includes('regexp-tier-up');
  let raised = false;
  return {
    raise: () => {
      if (!known) return;
      require('node:v8').setFlagsFromString('--interrupt-budget=300000 --regexp-tier-up-ticks=20');
      raised = true;
    },
    restore: () => {
      if (raised) require('node:v8').setFlagsFromString('--interrupt-budget=67584 --regexp-tier-up-ticks=1');
      raised = false;
    },
  };
})();

const main = async () => {
  const hook = args.includes('--staged') || args.includes('--pre-commit-framework');
  const { run } = await loadCli(hook);
  if (hook && !scansHistory(args)) budget.raise();
  process.exitCode = await run(args, {
    stdout: (t) => stdoutError === undefined && stdout().write(t),
    stderr: (t) => process.stderr.write(t),
    stdin: readStdin,
    env: process.env,
    cwd: process.cwd(),
    isTTY: isatty(1),
    stderrIsTTY: isatty(2),
    // a staged change of a megabyte or more is a long run after all: V8's defaults again
    onLargeScan: () => budget.restore(),
  });
  await flushed();
  if (stdoutError && stdoutError.code !== 'EPIPE') {
    process.stderr.write(`leakguard: could not write the report to standard output (${stdoutError.code ?? stdoutError.message}); free space where the output goes, or write it with --output FILE.\n`);
    process.exitCode = 2;
  }
  // Everything is written and every child has exited: exit now rather than tear the heap down
  // (callgrind: 7 M fewer instructions of the hook's 160 M). 'exit' handlers (the code cache) run.
  await stderrFlushed();
  process.exit();
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
