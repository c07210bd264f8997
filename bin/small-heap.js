// The history scan's second node (bin/leakguard.js starts it): required only for --all-commits
// and --range, so that the hook's start does not compile it.
const { join } = require('node:path');

const v8Major = Number(process.versions.v8.split('.')[0]);

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

exports.runSmallHeap = (args) => {
  const { spawn } = require('node:child_process');
  let child;
  try {
    // without NODE_EXTRA_CA_CERTS: node reads and parses that file as it starts (90 ms on the
    // bench machine, for a bundle of 144 certificates), and a history scan opens no connection
    const env = { ...process.env, LEAKGUARD_SMALL_HEAP: '1' };
    delete env.NODE_EXTRA_CA_CERTS;
    child = spawn(process.execPath, [...process.execArgv, SEMI_SPACE, ...INLINE_LESS, join(__dirname, 'leakguard.js'), ...args], { stdio: 'inherit', env });
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
