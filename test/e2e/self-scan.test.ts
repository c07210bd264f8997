import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** leakguard's own repository, files and history, is clean under its default config. */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('self-scan', () => {
  it('finds nothing in the checkout (`leakguard .`)', () => {
    const r = runCli(['.'], { cwd: ROOT });
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/no secrets in \d+ files/);
  });

  it('finds nothing in the whole history (`leakguard --all-commits`)', () => {
    const r = runCli(['--all-commits'], { cwd: ROOT });
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toMatch(/no secrets in \d+ commits/);
  });
});
