import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { TempRepo } from './git-repo.js';
import { BIN, runCli } from './run-cli.js';

/** Puts this checkout's leakguard in `dir`'s node_modules/.bin, where `npm install` would. */
export function linkLeakguard(dir: string): void {
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  symlinkSync(BIN, join(dir, 'node_modules', '.bin', 'leakguard'));
}

/**
 * Links leakguard into the repository, commits a .gitignore of node_modules/ (plus `ignore`),
 * and with `install` installs leakguard's pre-commit hook, as a new user would.
 */
export function linkIntoRepo(repo: TempRepo, options: { ignore?: string[]; install?: boolean } = {}): void {
  linkLeakguard(repo.dir);
  repo.write('.gitignore', ['node_modules/', ...(options.ignore ?? [])].map((l) => `${l}\n`).join(''));
  repo.commit('ignore node_modules');
  if (options.install) expect(runCli(['install'], { cwd: repo.dir }).exitCode).toBe(0);
}
