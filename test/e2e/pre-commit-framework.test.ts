import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { preCommitEnv, runIn } from '../helpers/pre-commit-env.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * The real pre-commit framework (Debian's /usr/bin/pre-commit, 3.0.4 in CI) running this package's
 * .pre-commit-hooks.yaml: `language: node` makes it `npm install` + `npm pack` + `npm install -g`
 * a clone of the hook repository, exactly as for a user. The working tree is uncommitted, so the
 * hook repository is a temp git repo holding a copy of the package (built dist/, no build step).
 * The framework's environment is installed once (beforeAll) and shared through PRE_COMMIT_HOME.
 */

const PKG = fileURLToPath(new URL('../../', import.meta.url));
let work: string;
let hookRepo: string;
let rev: string;
let env: NodeJS.ProcessEnv;
const repos: TempRepo[] = [];

const run = (cmd: string, args: string[], cwd: string, input?: string) => runIn(env, cmd, args, cwd, input);

const token = () => expandTemplate('ghp_{{crc32b62:30}}');

/** A project repo whose .pre-commit-config.yaml uses both leakguard hooks, installed for commit and push. */
function project(): TempRepo {
  const repo = makeRepo();
  repos.push(repo);
  repo.write(
    '.pre-commit-config.yaml',
    ['repos:', `  - repo: ${hookRepo}`, `    rev: ${rev}`, '    hooks:', '      - id: leakguard', '      - id: leakguard-pre-push', ''].join('\n'),
  );
  repo.commit('add pre-commit config');
  const r = run('pre-commit', ['install', '--install-hooks', '-t', 'pre-commit', '-t', 'pre-push'], repo.dir);
  expect(r.status, r.out).toBe(0);
  return repo;
}

beforeAll(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'leakguard-pre-commit-')));
  env = preCommitEnv(work);

  // the hook repository: what a tagged leakguard release holds, with dist/ prebuilt
  hookRepo = join(work, 'leakguard-hook-repo');
  mkdirSync(hookRepo);
  for (const entry of ['bin', 'dist', 'patterns', 'package-lock.json', '.pre-commit-hooks.yaml']) {
    cpSync(join(PKG, entry), join(hookRepo, entry), { recursive: true });
  }
  const pkg = JSON.parse(readFileSync(join(PKG, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete pkg.scripts; // `prepare` would rebuild from src/ with the dev toolchain; dist/ is already here
  delete pkg.devDependencies;
  writeFileSync(join(hookRepo, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const git = (...args: string[]) => {
    const r = run('git', args, hookRepo);
    expect(r.status, r.out).toBe(0);
    return r.out.trim();
  };
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', 'leakguard release');
  rev = git('rev-parse', 'HEAD');

  // fails (never skips) when the framework is missing: CI installs it
  const version = run('pre-commit', ['--version'], work);
  expect(version.status, `pre-commit must be installed: ${version.out}`).toBe(0);
  // one environment install for the whole file (npm install + npm pack + npm install -g)
  const seed = makeRepo();
  try {
    seed.write('.pre-commit-config.yaml', `repos:\n  - repo: ${hookRepo}\n    rev: ${rev}\n    hooks:\n      - id: leakguard\n`);
    seed.commit('config');
    const installed = run('pre-commit', ['install-hooks'], seed.dir);
    expect(installed.status, installed.out).toBe(0);
  } finally {
    seed.cleanup();
  }
}, 240_000);

afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('pre-commit framework: leakguard hooks', () => {
  it('blocks a real git commit that stages a secret, and names it', () => {
    const repo = project();
    repo.write('settings.py', `GITHUB_TOKEN = "${token()}"\n`);
    repo.git('add', 'settings.py');
    const before = repo.git('rev-parse', 'HEAD');
    const r = run('git', ['commit', '-m', 'add settings'], repo.dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('leakguard (secrets in staged changes)');
    expect(r.out).toContain('github-pat-classic');
    expect(r.out).toContain('settings.py');
    expect(r.out).toContain('os.environ["');
    expect(repo.git('rev-parse', 'HEAD')).toBe(before);
  });

  it('allows a clean commit, and scans only the staged lines of a file with an old secret', () => {
    const repo = project();
    repo.write('old.env', `TOKEN=${token()}\n`);
    repo.commit('an old secret, committed before the hook'); // --no-verify
    repo.write('old.env', `${readFileSync(join(repo.dir, 'old.env'), 'utf8')}DEBUG=1\n`);
    repo.write('app.js', 'export const token = process.env.GITHUB_TOKEN;\n');
    repo.git('add', '-A');
    const r = run('git', ['commit', '-m', 'clean change'], repo.dir);
    expect(r.status, r.out).toBe(0);
    expect(r.out).toMatch(/leakguard \(secrets in staged changes\)\.+Passed/);
  });

  it('pre-commit run --all-files fails on a committed secret', () => {
    const repo = project();
    repo.write('.env', `GITHUB_TOKEN=${token()}\n`);
    repo.commit('secret committed with --no-verify');
    const r = run('pre-commit', ['run', '--all-files'], repo.dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('github-pat-classic');
    expect(r.out).toContain('.env');
  });

  it('pre-commit run --from-ref A --to-ref B scans the commits in between, even a secret removed again', () => {
    const repo = project();
    const a = repo.git('rev-parse', 'HEAD').trim();
    repo.write('deploy.sh', `export GITHUB_TOKEN=${token()}\n`);
    repo.commit('add token');
    repo.write('deploy.sh', 'export GITHUB_TOKEN="$GITHUB_TOKEN"\n');
    const b = repo.commit('remove token');
    const r = run('pre-commit', ['run', '--from-ref', a, '--to-ref', b], repo.dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('github-pat-classic');
    expect(r.out).toContain('deploy.sh');

    repo.write('notes.txt', 'nothing to see\n');
    const c = repo.commit('clean');
    const clean = run('pre-commit', ['run', '--from-ref', b, '--to-ref', c], repo.dir);
    expect(clean.status, clean.out).toBe(0);
    expect(clean.out).toMatch(/leakguard \(secrets in staged changes\)\.+Passed/);
  });

  it('the pre-push stage stops a push whose commits add a secret, on an existing and a new branch', () => {
    const repo = project();
    const remote = join(repo.dir, '..', 'remote.git');
    expect(run('git', ['init', '-q', '--bare', '-b', 'main', remote], repo.dir).status).toBe(0);
    repo.git('remote', 'add', 'origin', remote);
    const remoteHead = (ref: string) => run('git', ['rev-parse', '--verify', '--quiet', ref], remote).out.trim();

    // first push to an empty remote: pre-commit sets no refs (it runs "all files"); must pass, not error
    const first = run('git', ['push', '-q', 'origin', 'main'], repo.dir);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(/leakguard \(secrets in pushed commits\)\.+Passed/);
    const pushed = remoteHead('main');

    repo.write('ci.yml', `token: ${token()}\n`);
    repo.commit('secret committed with --no-verify');
    repo.write('ci.yml', 'token: ${{ secrets.GITHUB_TOKEN }}\n');
    repo.commit('token removed again');
    const blocked = run('git', ['push', 'origin', 'main'], repo.dir);
    expect(blocked.status).not.toBe(0);
    expect(blocked.out).toContain('leakguard (secrets in pushed commits)');
    expect(blocked.out).toContain('github-pat-classic');
    expect(remoteHead('main')).toBe(pushed);

    // a new branch: pre-commit passes the range from its first unpushed commit's parent
    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('feature.txt', 'clean\n');
    repo.commit('feature work');
    const newBranch = run('git', ['push', 'origin', 'feature'], repo.dir);
    expect(newBranch.status).not.toBe(0);
    expect(newBranch.out).toContain('github-pat-classic');
    expect(remoteHead('feature')).toBe('');
  });
});
