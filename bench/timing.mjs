// One timed run of a command, for the benches: stdout to /dev/null, exit 0 or 1 (leakguard's
// findings) expected. Wall time always; CPU (user+sys, children included) and the largest
// process's peak RSS from GNU time (/usr/bin/time) when it is there, else NaN (node cannot see
// a child's CPU or RSS from spawnSync). stderr is returned for the figures a probe prints.
import { spawnSync } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';

export const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const devnull = openSync('/dev/null', 'w');

/**
 * The environment every bench runs its commands in: the caller's, without NODE_EXTRA_CA_CERTS.
 * node reads and parses that file at every start (90 ms on this bench machine, whose environment
 * sets it to the system's 144-certificate bundle, against 30 ms for the rest of `node -e 0`), so
 * with it set, a node-start floor is three times what a developer's machine has, and every
 * ratio against it looks better than it is.
 */
export function benchEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

export function timed(cmd, argv, { cwd, env = {} }) {
  const started = process.hrtime.bigint();
  const [file, args] = gnuTime ? [gnuTime, ['-f', '%U %S %M', cmd, ...argv]] : [cmd, argv];
  const r = spawnSync(file, args, { cwd, env: benchEnv(env), stdio: ['ignore', devnull, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${argv.join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  if (!gnuTime) return { wall, cpu: NaN, rss: NaN, stderr: r.stderr };
  const [u, s, kb] = (r.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall, cpu: u + s, rss: kb / 1024, stderr: r.stderr };
}
