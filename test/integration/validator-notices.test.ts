import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detect.js';
import type { DetectNotice } from '../../src/detect/types.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/** A token a validator turns down (a wrong checksum) is dropped, but --verbose says so: rule, place, reason, never the value. */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

// ghp_ + 36 random characters: the last 6 are no CRC32 of the first 30 (odds of a match: 1 in 62^6)
const fakeToken = () => expandTemplate('ghp_{{alnum:36}}');

describe('validator rejections', () => {
  it('are told in --verbose with rule id, file:line and reason, without the value, and not without --verbose', () => {
    const token = fakeToken();
    repo.write('notes/ids.txt', `first line\n${token}\n`);
    repo.git('add', '-A');
    const verbose = runCli(['--staged', '--verbose'], { cwd: repo.dir });
    expect(verbose.exitCode, verbose.stderr).toBe(0);
    expect(verbose.stderr).toContain('Rule github-pat-classic turned down a candidate at notes/ids.txt:2: its checksum does not match');
    expect(verbose.stdout + verbose.stderr).not.toContain(token.slice(4));
    const quiet = runCli(['--staged'], { cwd: repo.dir });
    expect(quiet.exitCode).toBe(0);
    expect(quiet.stderr).not.toContain('turned down');
  });

  it('name the commit in a history scan', () => {
    repo.write('ids.txt', `${fakeToken()}\n`);
    const sha = repo.commit('add ids');
    const r = runCli(['--all-commits', '--verbose'], { cwd: repo.dir });
    expect(r.stderr).toContain(`turned down a candidate at ids.txt:1 (commit ${sha.slice(0, 12)})`);
  });

  it('are data from the detector: a valid token is a candidate, a fake one a notice', () => {
    const detector = new Detector({ rules: loadBuiltinRules(), entropy: undefined });
    const rejected: DetectNotice[] = [];
    const real = expandTemplate('ghp_{{crc32b62:30}}');
    const found = detector.detect({ type: 'fragment', file: 'a.txt', startLine: 10, text: `${real}\n${fakeToken()}` }, rejected);
    expect(found.map((c) => `${c.ruleId}:${c.line}`)).toEqual(['github-pat-classic:10']);
    expect(rejected).toEqual([{ code: 'validator-rejected', ruleId: 'github-pat-classic', validator: 'crc32-base62', file: 'a.txt', line: 11 }]);
  });
});
