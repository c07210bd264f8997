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
import { gnuTime, timed } from './timing.mjs';

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
if (!gnuTime) {
  console.error('bench/ab.mjs needs GNU time at /usr/bin/time for CPU and RSS; install it (Debian: apt-get install time).');
  process.exit(2);
}

const run = (cmd) => timed(cmd[0], cmd.slice(1), { cwd });

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
  const [x, y] = [as[i], bs[i]];
  console.log(`pair ${i + 1}: A ${x.wall.toFixed(2)} s wall ${x.cpu.toFixed(2)} s cpu, B ${y.wall.toFixed(2)} s wall ${y.cpu.toFixed(2)} s cpu: B/A ${(y.wall / x.wall).toFixed(3)}x wall, ${(y.cpu / x.cpu).toFixed(3)}x cpu`);
}
const ratio = (key) => median(as.map((x, i) => bs[i][key] / x[key])).toFixed(3);
const show = (name, rs) => `${name}: wall ${median(rs.map((r) => r.wall)).toFixed(2)} s, cpu ${median(rs.map((r) => r.cpu)).toFixed(2)} s, peak RSS ${Math.max(...rs.map((r) => r.rss)).toFixed(0)} MB`;
console.log(`${runs} pairs in ${cwd}`);
console.log(show('A', as));
console.log(show('B', bs));
console.log(`B/A, median of the pairs: wall ${ratio('wall')}x, cpu ${ratio('cpu')}x`);
