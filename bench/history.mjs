#!/usr/bin/env node
// History-scan benchmark: leakguard --all-commits against the `git log -p -U0 --all` floor.
//
//   node bench/history.mjs <repo> [--runs 3] [--jobs 1,2] [--bin other/bin/leakguard.js ...]
//
// --bin (repeatable) adds other builds (say, a checkout of main) to the same interleaved runs.
//
// For each run it times (a) `git log -p -U0 --all --no-color` to /dev/null and (b)
// `leakguard --all-commits --format json` once per --jobs value (LEAKGUARD_JOBS: git processes),
// interleaved (in an order that rotates each run) so that a busy machine slows all alike. It prints the median wall time, CPU time
// (user+sys of the process and its children) and peak RSS of each, and the ratios b/a.
// CPU and the largest process's peak RSS come from GNU time (/usr/bin/time) when present;
// leakguard's own peak RSS and CPU (node's threads, not git's) from process.resourceUsage() at its exit (bench/rss-probe.cjs).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timed } from './timing.mjs';

const args = process.argv.slice(2);
const others = args.flatMap((a, k) => (a === '--bin' && args[k + 1] ? [args[k + 1]] : []));
const repo = args.find((a, k) => !a.startsWith('--') && !/^\d/.test(a) && args[k - 1] !== '--bin');
if (!repo || !existsSync(repo)) {
  console.error('usage: node bench/history.mjs <repo> [--runs 3] [--jobs 1,2]');
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const runs = Number(opt('runs', '3'));
const jobsList = opt('jobs', '1,2').split(',');
const bin = fileURLToPath(new URL('../bin/leakguard.js', import.meta.url));
const probe = fileURLToPath(new URL('./rss-probe.cjs', import.meta.url));
/** Run a command with stdout to /dev/null; return wall s, cpu s (incl. children), peak RSS MB, and the probe's figures. */
function measure(cmd, argv, env = {}) {
  const r = timed(cmd, argv, { cwd: repo, env });
  return { wall: r.wall, cpu: r.cpu, rss: r.rss, ...own(r.stderr) };
}

/**
 * What rss-probe.cjs printed at leakguard's exit: its own peak RSS (MB) and CPU (s, all node's
 * threads, without git). A history scan is two node processes (the bin starts node again with a
 * small young generation): the peak is the larger one's, the CPU both.
 */
function own(stderr) {
  const figures = (key, scale) => [...(stderr ?? '').matchAll(new RegExp(`${key} (\\d+)`, 'g'))].map((m) => Number(m[1]) / scale);
  const rss = figures('LEAKGUARD_MAXRSS_KB', 1024);
  const cpu = figures('LEAKGUARD_CPU_US', 1e6);
  return { own: rss.length ? Math.max(...rss) : NaN, ownCpu: cpu.length ? cpu.reduce((a, b) => a + b, 0) : NaN };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const rows = new Map();
const add = (name, m) => {
  if (!rows.has(name)) rows.set(name, []);
  rows.get(name).push(m);
};
const commits = spawnSync('git', ['rev-list', '--all', '--count'], { cwd: repo, encoding: 'utf8' }).stdout.trim();
others.forEach((other, k) => console.log(`--bin ${k + 1}: ${other}`));
if (process.env.NODE_EXTRA_CA_CERTS) console.log('NODE_EXTRA_CA_CERTS is set here: every command runs without it (bench/timing.mjs, benchEnv)');
console.log(`repository ${resolve(repo)}: ${commits} commits; ${runs} runs; load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
// Each run times every configuration once, starting one later each run. In a fixed order each
// configuration always followed the same one, and on a 2-core VM that biased the figures: two
// builds that bench/ab.mjs measured 7% apart (alternating pairs, 12 of them) came out 6% apart
// the other way.
const configs = [['floor: git log -p -U0 --all', 'git', ['log', '-p', '-U0', '--all', '--no-color'], {}]];
for (const jobs of jobsList) configs.push([`leakguard --all-commits (jobs=${jobs})`, process.execPath, ['-r', probe, bin, '--all-commits', '--format', 'json', '--quiet'], { LEAKGUARD_JOBS: jobs }]);
others.forEach((other, k) => {
  for (const jobs of jobsList) configs.push([`--bin ${k + 1} (jobs=${jobs})`, process.execPath, ['-r', probe, other, '--all-commits', '--format', 'json', '--quiet'], { LEAKGUARD_JOBS: jobs }]);
});
for (const [name] of configs) rows.set(name, []);
for (let i = 0; i < runs; i++) {
  for (let k = 0; k < configs.length; k++) {
    const [name, cmd, argv, env] = configs[(i + k) % configs.length];
    add(name, measure(cmd, argv, env));
  }
}
const floor = rows.get('floor: git log -p -U0 --all');
const fw = median(floor.map((m) => m.wall));
const fc = median(floor.map((m) => m.cpu));
console.log(`${'what'.padEnd(40)} ${'wall s'.padStart(8)} ${'cpu s'.padStart(8)} ${'peak MB'.padStart(8)} ${'node MB'.padStart(8)} ${'node cpu'.padStart(9)} ${'wall/floor'.padStart(11)} ${'cpu/floor'.padStart(10)}`);
for (const [name, ms] of rows) {
  const w = median(ms.map((m) => m.wall));
  const c = median(ms.map((m) => m.cpu));
  const rss = Math.max(...ms.map((m) => m.rss));
  const ownRss = Math.max(...ms.map((m) => m.own));
  const ownC = median(ms.map((m) => m.ownCpu));
  console.log(`${name.padEnd(40)} ${w.toFixed(2).padStart(8)} ${c.toFixed(2).padStart(8)} ${rss.toFixed(0).padStart(8)} ${(Number.isNaN(ownRss) ? '-' : ownRss.toFixed(0)).padStart(8)} ${(Number.isNaN(ownC) ? '-' : ownC.toFixed(2)).padStart(9)} ${(w / fw).toFixed(2).padStart(10)}x ${(c / fc).toFixed(2).padStart(9)}x`);
}
