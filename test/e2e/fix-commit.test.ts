import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';
import { linkIntoRepo } from '../helpers/linked-leakguard.js';

/**
 * The whole story through the real hook: a commit is blocked and told to run
 * `leakguard fix --staged`; after it, the same `git commit` goes through with the fixed code,
 * and the values are in .env, which git ignores.
 */
let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo();
  linkIntoRepo(repo, { install: true });
});
afterAll(() => repo.cleanup());

describe('blocked commit -> leakguard fix --staged -> commit', () => {
  it('goes through after the fix, with partial staging kept', () => {
    const gh = expandTemplate('ghp_{{crc32b62:30}}');
    const pw = expandTemplate('{{alnum:20}}');
    repo.write('src/client.js', `export const auth = '${gh}';\nexport const db = "postgresql://app:${pw}@db.internal:5432/app";\n`);
    repo.git('add', '-A');
    repo.write('src/client.js', `export const auth = '${gh}';\nexport const db = "postgresql://app:${pw}@db.internal:5432/app";\n// work in progress\n`);
    const blocked = repo.gitRaw(['commit', '-m', 'client']);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('run `leakguard fix --staged`');

    const fixed = runCli(['fix', '--staged', '--yes'], { cwd: repo.dir });
    expect(fixed.exitCode, fixed.stderr).toBe(0);
    const committed = repo.gitRaw(['commit', '-m', 'client']);
    expect(committed.status, committed.stdout + committed.stderr).toBe(0);
    expect(repo.git('show', 'HEAD:src/client.js')).toBe(
      'export const auth = process.env.GITHUB_TOKEN;\nexport const db = ("postgresql://app:" + process.env.DATABASE_PASSWORD + "@db.internal:5432/app");\n',
    );
    // the unstaged line is still only in the working tree; .env is ignored, .gitignore left for the user
    expect(repo.git('diff', '--no-color', '-U0', '--', 'src/client.js').split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual(['+// work in progress']);
    expect(readFileSync(join(repo.dir, '.env'), 'utf8')).toBe(`GITHUB_TOKEN=${gh}\nDATABASE_PASSWORD=${pw}\n`);
    expect(repo.git('status', '--porcelain')).toBe(' M .gitignore\n M src/client.js\n');
    expect(repo.git('log', '-p', '--all')).not.toContain(gh);
  });
});
