import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { testEnv } from './git-repo.js';

export const BIN = fileURLToPath(new URL('../../bin/leakguard.js', import.meta.url));

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Spawn the built bin (run `npm run build` first; `npm test` does) in a directory. */
export function runCli(args: string[], options: { cwd: string; input?: string; env?: NodeJS.ProcessEnv } = { cwd: process.cwd() }): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd,
    env: testEnv(options.env ?? {}),
    input: options.input ?? '',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { exitCode: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function json(result: CliResult): { findings: Array<Record<string, unknown>>; stats: Record<string, unknown>; skipped: Array<Record<string, unknown>>; suppressed?: Array<Record<string, unknown>> } {
  return JSON.parse(result.stdout) as ReturnType<typeof json>;
}
