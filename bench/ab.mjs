#!/usr/bin/env node
// Paired A/B timing: runs command A and command B alternately (A B, then B A, ...), and prints
// the median of the per-pair ratios B/A for wall time and CPU (user+sys, children included),
// and each command's medians and peak RSS. On a machine whose speed drifts by a third over
// minutes, two medians taken minutes apart mislead; a ratio of two runs seconds apart does not.
//
//   node bench/ab.mjs [--runs 8] [--cwd DIR] -- <command A...> --- <command B...>
//
// Example: the build in a checkout of main against this one, on node's side alone (the stub
// git of bench/README.md):
//   PATH=/tmp/stub:$PATH LEAKGUARD_JOBS=1 node bench/ab.mjs --cwd /tmp/eslint -- \
//     node /tmp/main/bin/leakguard.js --all-commits --format json --- node bin/leakguard.js --all-commits --format json
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const argv = process.argv.slice(2);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && i < argv.indexOf('--') ? argv[i + 1] : fallback;
};
const start = argv.indexOf('--');
const split = argv.indexOf('---');
if (start < 0 || split < start + 2 || split === argv.length - 1) {
  console.error('usage: node bench/ab.mjs [--runs 8] [--cwd DIR] -- <command A...> --- <command B...>');
  process.exit(2);
}
const runs = Number(option('runs', '8'));
const cwd = option('cwd', process.cwd());
const a = argv.slice(start + 1, split);
const b = argv.slice(split + 1);
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
if (!gnuTime) {
  console.error('bench/ab.mjs needs GNU time at /usr/bin/time for CPU and RSS; install it (Debian: apt-get install time).');
  process.exit(2);
}

function run(cmd) {
  const started = process.hrtime.bigint();
  const r = spawnSync(gnuTime, ['-f', '%U %S %M', ...cmd], { cwd, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const [u, s, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd.join(' ')} exited ${r.status}: ${r.stderr.slice(-500)}`);
  return { wall, cpu: u + s, rss: kb / 1024 };
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const as = [];
const bs = [];
for (let i = 0; i < runs; i++) {
  if (i % 2 === 0) {
    as.push(run(a));
    bs.push(run(b));
  } else {
    bs.push(run(b));
    as.push(run(a));
  }
}
const ratio = (key) => median(as.map((x, i) => bs[i][key] / x[key])).toFixed(3);
const show = (name, rs) => `${name}: wall ${median(rs.map((r) => r.wall)).toFixed(2)} s, cpu ${median(rs.map((r) => r.cpu)).toFixed(2)} s, peak RSS ${Math.max(...rs.map((r) => r.rss)).toFixed(0)} MB`;
console.log(`${runs} pairs in ${cwd}`);
console.log(show('A', as));
console.log(show('B', bs));
console.log(`B/A, median of the pairs: wall ${ratio('wall')}x, cpu ${ratio('cpu')}x`);
