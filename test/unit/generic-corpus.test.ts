import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * No regression on the synthetic corpus (../shared/corpus beside the checkout, as in CI): the
 * generic heuristics are tuned on real code, and must keep every planted secret of the synthetic
 * tree and report none of its planted negatives. Scored by the corpus's own score.mjs.
 */
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/', import.meta.url));
const present = existsSync(join(CORPUS, 'dev.truth.json'));
const tmp = mkdtempSync(join(tmpdir(), 'lg-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('synthetic corpus', () => {
  it('is beside the checkout in CI', () => {
    expect(present || !process.env.CI).toBe(true);
  });

  it.skipIf(!present)('keeps recall and precision at 0.99 or more', () => {
    const scan = runCli(['scan', '--format', 'json', '.'], { cwd: join(CORPUS, 'dev') });
    expect(scan.exitCode, scan.stderr).toBe(1);
    const findings = join(tmp, 'findings.json');
    writeFileSync(findings, scan.stdout);
    const scored = spawnSync(process.execPath, [join(CORPUS, 'score.mjs'), join(CORPUS, 'dev.truth.json'), findings, '--json'], { encoding: 'utf8' });
    expect(scored.status, scored.stderr).toBe(0);
    const tool = (JSON.parse(scored.stdout) as { tools: Array<{ recall: number; precision: number }> }).tools[0]!;
    expect(tool.recall).toBeGreaterThanOrEqual(0.99);
    expect(tool.precision).toBeGreaterThanOrEqual(0.99);
  });
});
