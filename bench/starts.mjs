#!/usr/bin/env node
// Interleaved start-up timing of short commands (a hook, node -e 0): each round runs every
// command once, in a random order, so that a machine's drift slows all alike; prints each
// command's median and 20%-trimmed mean wall time, and its ratio to the first command's median.
//
//   cd <repo with a staged change> && node bench/starts.mjs 200 "node -e 0" "node <checkout>/bin/leakguard.js --staged" ...
//
// Commands are split on spaces (no quoting); each must exit 0. NODE_EXTRA_CA_CERTS is left out,
// as in every bench (bench/timing.mjs). The first three rounds warm up and are not counted.
import { spawnSync } from 'node:child_process';
import { benchEnv } from './timing.mjs';

const runs = Number(process.argv[2]);
const commands = process.argv.slice(3);
if (!(runs > 0) || commands.length === 0) {
  process.stderr.write('usage: node bench/starts.mjs ROUNDS "command one" "command two" ...\n');
  process.exit(2);
}
const env = benchEnv();
const times = commands.map(() => []);
for (let round = 0; round < runs + 3; round++) {
  const order = commands.map((_, i) => i).sort(() => Math.random() - 0.5);
  for (const i of order) {
    const [file, ...args] = commands[i].split(' ');
    const start = process.hrtime.bigint();
    const r = spawnSync(file, args, { env, stdio: 'ignore' });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${commands[i]} exited ${r.status ?? r.signal}`);
    if (round >= 3) times[i].push(ms);
  }
}
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[xs.length >> 1];
const trimmed = (xs) => {
  const s = sorted(xs);
  const k = Math.floor(s.length * 0.2);
  const kept = s.slice(k, s.length - k);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
};
const floor = median(times[0]);
commands.forEach((c, i) => console.log(`${c.slice(0, 60).padEnd(62)} ${median(times[i]).toFixed(2)} ms median  ${trimmed(times[i]).toFixed(2)} trimmed  ${(median(times[i]) / floor).toFixed(3)}x`));
