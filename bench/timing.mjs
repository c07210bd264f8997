// One timed run of a command, for the benches: stdout to /dev/null, exit 0 or 1 (leakguard's
// findings) expected. Wall time always; CPU (user+sys, children included) and the largest
// process's peak RSS from GNU time (/usr/bin/time) when it is there, else NaN (node cannot see
// a child's CPU or RSS from spawnSync). stderr is returned for the figures a probe prints.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';

export const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const devnull = openSync('/dev/null', 'w');

export function timed(cmd, argv, { cwd, env = {} }) {
  const started = process.hrtime.bigint();
  const [file, args] = gnuTime ? [gnuTime, ['-f', '%U %S %M', cmd, ...argv]] : [cmd, argv];
  const r = spawnSync(file, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', devnull, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  if (!gnuTime) return { wall, cpu: NaN, rss: NaN, stderr: r.stderr };
  const [u, s, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, cpu: u + s, rss: kb / 1024, stderr: r.stderr };
}
