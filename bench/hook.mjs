#!/usr/bin/env node
// Hook-latency benchmark: `leakguard --staged` on a typical commit against the floors of the
// same machine: a bare `node -e 0` and `git diff --cached`.
//
//   node bench/hook.mjs [--runs 21] [--bin other/bin/leakguard.js ...]
//
// --bin (repeatable) adds other builds to compare in the same run (say, a checkout of main).
//
// It builds a temp repository with a typical staged change (3 files, ~200 added lines of
// ordinary code, no secrets), then runs each command --runs times, interleaved, and prints the
// median wall and CPU time of each and the ratios. With LEAKGUARD_BENCH_PROFILE=1 it also prints where
// leakguard's own time goes (module loading vs. the scan) from a --cpu-prof run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnv } from './timing.mjs';

const args = process.argv.slice(2);
const i = args.indexOf('--runs');
const runs = i >= 0 ? Number(args[i + 1]) : 21;
const bin = fileURLToPath(new URL('../bin/leakguard.js', import.meta.url));
const others = args.flatMap((a, k) => (a === '--bin' && args[k + 1] ? [args[k + 1]] : []));
const dir = mkdtempSync(join(tmpdir(), 'leakguard-hook-bench-'));
const env = { ...benchEnv(), GIT_CONFIG_NOSYSTEM: '1', HOME: dir, GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@example.test', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@example.test', NO_COLOR: '1' };
const git = (...a) => execFileSync('git', a, { cwd: dir, env, encoding: 'utf8' });
const write = (path, text) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};

// a typical change: edit two existing files, add one new file; ~200 added lines in all
const code = (n, tag) =>
  Array.from({ length: n }, (_, k) =>
    [
      `export function ${tag}${k}(input: string, options = { retries: 3 }): string {`,
      `  const url = \`https://api.example.test/v1/items/\${input}?page=${k}\`;`,
      `  if (!input) throw new Error('input is required for ${tag}${k}');`,
      `  return url + String(options.retries); // ${tag} line ${k}`,
      `}`,
    ][k % 5],
  ).join('\n');
try {
  git('init', '-q', '-b', 'main');
  write('src/server.ts', code(300, 'server') + '\n');
  write('src/client.ts', code(200, 'client') + '\n');
  write('README.md', '# bench\n');
  git('add', '-A');
  git('commit', '-q', '--no-verify', '-m', 'base');
  write('src/server.ts', code(300, 'server').replace(/line 1(\d)\b/g, 'line 1$1 changed') + '\n' + code(70, 'serverMore') + '\n');
  write('src/client.ts', code(200, 'client') + '\n' + code(60, 'clientMore') + '\n');
  write('src/new-module.ts', code(60, 'fresh') + '\n');
  git('add', '-A');
  const added = git('diff', '--cached', '--numstat').trim().split('\n').reduce((n, l) => n + Number(l.split('\t')[0]), 0);

  // bash's `time` gives wall and CPU (user+sys) of each child with millisecond resolution; CPU is
  // the steadier figure on a shared machine, where wall time includes waiting for a core
  const q = (x) => `'${x.replace(/'/g, `'\\''`)}'`;
  const cases = {
    'node -e 0': [process.execPath, '-e', '0'],
    'git diff --cached': ['git', 'diff', '--cached', '-U0', '--no-color'],
    // as the installed hook runs it (src/hooks/hook-script.ts): no --quiet, so a clean run prints its line
    'leakguard --staged': [process.execPath, bin, '--staged'],
    ...Object.fromEntries(others.map((b, k) => [`--bin ${k + 1} --staged`, [process.execPath, b, '--staged']])),
  };
  others.forEach((b, k) => console.log(`--bin ${k + 1}: ${b}`));
  const script = `TIMEFORMAT='%3R %3U %3S'\n` + Object.values(cases).map((c) => `{ time ${c.map(q).join(' ')} >/dev/null 2>/dev/null ; } 2>&1`).join('\n');
  const check = spawnSync(process.execPath, [bin, '--staged'], { cwd: dir, env, encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`leakguard --staged exited ${check.status} on the bench change: ${check.stdout}${check.stderr}`);
  const times = Object.fromEntries(Object.keys(cases).map((k) => [k, { wall: [], cpu: [] }]));
  for (let r = 0; r <= runs; r++) {
    const out = execFileSync('bash', ['-c', script], { cwd: dir, env, encoding: 'utf8' }).trim().split('\n');
    if (r === 0) continue; // warm the file cache
    Object.keys(cases).forEach((name, k) => {
      const [wall, user, sys] = out[k].split(' ').map(Number);
      times[name].wall.push(wall * 1000);
      times[name].cpu.push((user + sys) * 1000);
    });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const base = times['node -e 0'];
  const gd = times['git diff --cached'];
  if (process.env.NODE_EXTRA_CA_CERTS) console.log('NODE_EXTRA_CA_CERTS is set here: every command runs without it (bench/timing.mjs, benchEnv)');
  console.log(`staged change: 3 files, ${added} added lines; ${runs} runs each (median); load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  // bash's times are whole milliseconds, 6% of node's start: the medians move in such steps, so
  // the mean of the middle 60% of runs is printed too (the steps average out)
  const trimmed = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const k = Math.floor(s.length * 0.2);
    const kept = s.slice(k, s.length - k);
    return kept.reduce((a, b) => a + b, 0) / kept.length;
  };
  console.log(`${''.padEnd(22)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)}   wall/node  cpu/node   wall/git-diff   trimmed: wall ms  wall/node  cpu/node`);
  for (const [name, t] of Object.entries(times)) {
    const w = median(t.wall);
    const c = median(t.cpu);
    const tw = trimmed(t.wall);
    console.log(`${name.padEnd(22)} ${w.toFixed(0).padStart(8)} ${c.toFixed(0).padStart(8)}   ${(w / median(base.wall)).toFixed(2).padStart(8)}x ${(c / median(base.cpu)).toFixed(2).padStart(8)}x ${(w / median(gd.wall)).toFixed(2).padStart(10)}x   ${tw.toFixed(1).padStart(16)} ${(tw / trimmed(base.wall)).toFixed(3).padStart(9)}x ${(trimmed(t.cpu) / trimmed(base.cpu)).toFixed(3).padStart(8)}x`);
  }
  if (process.env.LEAKGUARD_BENCH_PROFILE) {
    const prof = join(dir, 'prof');
    spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${prof}`, bin, '--staged', '--quiet'], { cwd: dir, env, stdio: 'ignore' });
    const p = JSON.parse(readFileSync(join(prof, readdirSync(prof)[0]), 'utf8'));
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // self time per script URL (which module's code ran), and compile/load time
    const byUrl = new Map();
    p.samples.forEach((id, k) => {
      const n = byId.get(id);
      const url = n.callFrame.url ? n.callFrame.url.replace(/^.*\/(node_modules\/[^/]+|dist|bin)\//, '$1/') : `(${n.callFrame.functionName || 'native'})`;
      byUrl.set(url, (byUrl.get(url) ?? 0) + (p.timeDeltas[k] ?? 0) / 1000);
    });
    console.log('\nwhere leakguard --staged spends its time (self time by script, ms):');
    for (const [url, ms] of [...byUrl].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${ms.toFixed(1).padStart(8)}  ${url}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
