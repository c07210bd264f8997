import { spawnSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { preCommitEnv, runIn } from '../helpers/pre-commit-env.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * The way pre-commit really installs leakguard: a clone of this repository at a commit, then
 * `npm install` (which runs `prepare`, the TypeScript build) and `npm pack`. This uses this
 * checkout's HEAD commit as the hook repository, so it proves the committed layout installs.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let work: string;
let env: NodeJS.ProcessEnv;
let repo: TempRepo;

const run = (cmd: string, args: string[], cwd: string) => runIn(env, cmd, args, cwd);

beforeAll(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'leakguard-from-source-')));
  env = preCommitEnv(work);
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout.trim();
  expect(head).toMatch(/^[0-9a-f]{40}$/);
  repo = makeRepo();
  repo.write('.pre-commit-config.yaml', `repos:\n  - repo: ${ROOT}\n    rev: ${head}\n    hooks:\n      - id: leakguard\n`);
  repo.commit('config');
  const installed = run('pre-commit', ['install-hooks'], repo.dir);
  expect(installed.status, installed.out).toBe(0);
}, 600_000);

afterAll(() => {
  repo?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('pre-commit installs leakguard from its source repository', () => {
  it('builds a working hook that fails on a secret and passes a clean file', () => {
    repo.write('settings.py', `GITHUB_TOKEN = "${expandTemplate('ghp_{{crc32b62:30}}')}"\n`);
    repo.write('clean.py', 'import os\nGITHUB_TOKEN = os.environ["GITHUB_TOKEN"]\n');
    const bad = run('pre-commit', ['run', 'leakguard', '--files', 'settings.py'], repo.dir);
    expect(bad.status, bad.out).not.toBe(0);
    expect(bad.out).toContain('github-pat-classic');
    expect(bad.out).toContain('os.environ["GITHUB_TOKEN"]');
    const good = run('pre-commit', ['run', 'leakguard', '--files', 'clean.py'], repo.dir);
    expect(good.status, good.out).toBe(0);
  });
});
