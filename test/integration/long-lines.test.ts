import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * A line longer than many chunks of git output (a minified bundle) is read whole, staged and in
 * history, and a secret at its end is reported at its exact column.
 */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

describe('long lines', () => {
  it('a secret at the end of a 3 MB single-line file is found at its column, staged and in history', () => {
    const filler = 'var a=function(b){return b+1};'.repeat(100_000);
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    repo.write('dist/app.js', `${filler}var t="${token}";\nvar after=1;\n`);
    repo.git('add', '-A');
    const staged = runCli(['--staged', '--format', 'json'], { cwd: repo.dir });
    const where = (r: typeof staged) => json(r).findings.map((f) => `${String(f.ruleId)} ${String(f.file)}:${String(f.line)}:${String(f.column)}`);
    const expected = `github-pat-classic dist/app.js:1:${filler.length + 'var t="'.length + 1}`;
    expect(where(staged)).toEqual([expected]);
    repo.commit('bundle');
    expect(where(runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir }))).toEqual([expected]);
  });
});

describe('a large scan says so, once', () => {
  it('onLargeScan is called once a scan has read a megabyte of text, and not before', async () => {
    const { scan } = await import('../../src/scan.js');
    const { LARGE_SCAN_BYTES } = await import('../../src/scan/types.js');
    const line = 'const value = compute(input, 42);\n';
    repo.write('small.js', line.repeat(100));
    repo.write('large.js', line.repeat(Math.ceil((LARGE_SCAN_BYTES * 1.5) / line.length)));
    repo.git('add', '-A');
    const calls = { small: 0, staged: 0 };
    const request = { mode: 'files' as const, cwd: repo.dir, inlineAllow: true, useGitignore: true };
    const small = await scan({ ...request, paths: ['small.js'], onLargeScan: () => calls.small++ });
    expect(small.stats.bytes).toBeGreaterThan(0);
    expect(calls.small).toBe(0);
    const staged = await scan({ ...request, mode: 'staged', paths: [], onLargeScan: () => calls.staged++ });
    expect(staged.stats.bytes).toBeGreaterThan(LARGE_SCAN_BYTES);
    expect(calls.staged).toBe(1);
  });
});
