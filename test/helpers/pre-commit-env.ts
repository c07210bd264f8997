import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { testEnv } from './git-repo.js';

/**
 * The environment for driving the real pre-commit framework from a test: a private
 * PRE_COMMIT_HOME and HOME under `work` (no user config), npm's download cache kept so
 * installs stay fast, and no npm chatter.
 */
export function preCommitEnv(work: string): NodeJS.ProcessEnv {
  mkdirSync(join(work, 'home'), { recursive: true });
  return testEnv(
    {
      PRE_COMMIT_HOME: join(work, 'pre-commit-home'),
      npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
    join(work, 'home'),
  );
}

/** Run a command; status and stdout+stderr together, as a user sees them. */
export function runIn(env: NodeJS.ProcessEnv, cmd: string, args: string[], cwd: string, input?: string): { status: number; out: string } {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', input: input ?? '', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
