import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { expandTemplate } from '../helpers/secrets.js';
import { linkIntoRepo } from '../helpers/linked-leakguard.js';

/**
 * The first-run story: install the hook, try to commit a GitHub token (JavaScript), a Stripe key
 * (Python) and a password in a YAML file, and see the commit blocked with the right fix for each
 * file type; then a clean commit goes through.
 */
let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo();
  linkIntoRepo(repo, { ignore: ['.env'], install: true });
});
afterAll(() => repo.cleanup());

describe('first commit with secrets', () => {
  it('is blocked, with one fix per file in its own language', () => {
    repo.write('src/github.js', `export const client = new Octokit({ auth: '${expandTemplate('ghp_{{crc32b62:30}}')}' });\n`);
    repo.write('billing/stripe_client.py', `import stripe\nstripe.api_key = "${expandTemplate('sk_live_{{alnum:24}}')}"\n`);
    repo.write('config/database.yml', `production:\n  adapter: postgresql\n  password: "${expandTemplate('{{alnum:20}}')}"\n`);
    repo.git('add', '-A');
    const r = repo.gitRaw(['commit', '-m', 'add clients']);
    const out = r.stdout + r.stderr;
    expect(r.status).not.toBe(0);
    expect(out).toContain('fix: read GITHUB_TOKEN from the environment: process.env.GITHUB_TOKEN');
    expect(out).toContain('fix: read STRIPE_SECRET_KEY from the environment: os.environ["STRIPE_SECRET_KEY"]');
    expect(out).toContain('fix: read PRODUCTION_PASSWORD from the environment: ${PRODUCTION_PASSWORD}');
    expect(out).toContain('.env (your .gitignore already excludes it)');
    expect(out).toMatch(/found 3 secrets in 3 staged files/);
    expect(repo.git('log', '--format=%s')).not.toContain('add clients');
  });

  it('lets the clean version through', () => {
    repo.write('src/github.js', 'export const client = new Octokit({ auth: process.env.GITHUB_TOKEN });\n');
    repo.write('billing/stripe_client.py', 'import os, stripe\nstripe.api_key = os.environ["STRIPE_SECRET_KEY"]\n');
    repo.write('config/database.yml', 'production:\n  adapter: postgresql\n  password: ${PRODUCTION_PASSWORD}\n');
    repo.git('add', '-A');
    const r = repo.gitRaw(['commit', '-m', 'add clients']);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    expect(repo.git('log', '-1', '--format=%s').trim()).toBe('add clients');
  });
});
