import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/** Custom rules from .leakguardrc.json, in a real repository. */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const config = (rules: unknown[]) => repo.write('.leakguardrc.json', JSON.stringify({ rules }));

describe('custom rules', () => {
  it('a rule without keywords runs on every line (no prefilter can select it), staged and in history', () => {
    config([{ id: 'acme-key', description: 'Acme key', regex: 'acme_[a-z0-9]{16}' }]);
    const value = expandTemplate('acme_{{lowernum:16}}');
    repo.write('src/settings.py', `import os\nACME = "${value}"\n`);
    repo.git('add', '-A');
    const staged = runCli(['--staged', '--format', 'json'], { cwd: repo.dir });
    expect(staged.exitCode, staged.stderr).toBe(1);
    expect(json(staged).findings.map((f) => `${String(f.ruleId)} ${String(f.file)}:${String(f.line)}`)).toEqual(['acme-key src/settings.py:2']);
    repo.commit('add settings');
    const history = runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir });
    expect(json(history).findings.map((f) => f.ruleId)).toEqual(['acme-key']);
  });

  it('a rule without keywords also runs in text that holds no keyword of any rule', () => {
    config([{ id: 'acme-key', description: 'Acme key', regex: 'acme_[a-z0-9]{16}' }]);
    repo.write('notes.txt', `${expandTemplate('acme_{{lowernum:16}}')}\n`);
    repo.git('add', '-A');
    const r = runCli(['--staged', '--format', 'json'], { cwd: repo.dir });
    expect(json(r).findings.map((f) => f.ruleId)).toEqual(['acme-key']);
  });

  it('the smallest rule, an id and a regex, runs and is named after its id', () => {
    config([{ id: 'acme-key', regex: 'acme_[a-z0-9]{16}' }]);
    repo.write('src/settings.py', `ACME = "${expandTemplate('acme_{{lowernum:16}}')}"\n`);
    repo.git('add', '-A');
    const r = runCli(['--staged', '--format', 'json'], { cwd: repo.dir });
    expect(r.exitCode, r.stderr).toBe(1);
    const [finding] = json(r).findings;
    expect(finding?.ruleId).toBe('acme-key');
    expect(finding?.description).toBe('Secret matched by custom rule acme-key');
    expect((finding?.suggestion as { envVar?: string } | undefined)?.envVar).toBe('ACME_KEY');
  });

  it('a description that is there must be a non-empty string', () => {
    config([{ id: 'acme-key', description: '', regex: 'acme_[a-z0-9]{16}' }]);
    repo.write('a.txt', 'x\n');
    repo.git('add', '-A');
    const r = runCli(['--staged'], { cwd: repo.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/invalid "description": expected a non-empty string/);
  });
});
