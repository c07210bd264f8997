import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { BIN, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';
import { linkIntoRepo, linkLeakguard } from '../helpers/linked-leakguard.js';

/** Real `leakguard install`, real hooks, real `git commit` / `git push`: nothing is mocked. */

const repos: TempRepo[] = [];
afterEach(() => {
  for (const r of repos.splice(0)) r.cleanup();
});

/** A temp repo whose node_modules/.bin/leakguard is this checkout's built bin, as `npm install` would link it. */
function project(): TempRepo {
  const repo = makeRepo();
  repos.push(repo);
  linkIntoRepo(repo);
  return repo;
}

const token = () => expandTemplate('ghp_{{crc32b62:30}}');

function commit(repo: TempRepo, file: string, content: string) {
  repo.write(file, content);
  repo.git('add', file);
  return repo.gitRaw(['commit', '-m', `add ${file}`]);
}

function writeHook(path: string, body: string): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
}

const install = (repo: TempRepo, ...args: string[]) => runCli(['install', ...args], { cwd: repo.dir });
const uninstall = (repo: TempRepo, ...args: string[]) => runCli(['uninstall', ...args], { cwd: repo.dir });

describe('leakguard install: pre-commit hook', () => {
  it('blocks a real git commit that adds a secret and allows a clean one', () => {
    const repo = project();
    const r = install(repo);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('.git/hooks/pre-commit');

    const hook = readFileSync(join(repo.dir, '.git/hooks/pre-commit'), 'utf8');
    expect(hook.startsWith('#!/bin/sh\n')).toBe(true);
    expect(hook).not.toContain('\r');
    expect(statSync(join(repo.dir, '.git/hooks/pre-commit')).mode & 0o111).not.toBe(0);

    const blocked = commit(repo, 'config.js', `export const token = '${token()}';\n`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('github-pat-classic');
    expect(blocked.stdout + blocked.stderr).toContain('process.env.');
    expect(repo.git('log', '--format=%s').split('\n')).not.toContain('add config.js');

    repo.git('reset', '-q', 'HEAD', 'config.js');
    const clean = commit(repo, 'app.js', 'export const token = process.env.GITHUB_TOKEN;\n');
    expect(clean.status, clean.stderr).toBe(0);
  });

  it('writes into core.hooksPath, resolved from the top level even when run in a subfolder', () => {
    const repo = project();
    repo.git('config', 'core.hooksPath', '.githooks');
    mkdirSync(join(repo.dir, 'src', 'deep'), { recursive: true });
    const r = runCli(['install'], { cwd: join(repo.dir, 'src', 'deep') });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.githooks', 'pre-commit'))).toBe(true);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(false);
    const blocked = commit(repo, '.env', `STRIPE_KEY=sk_live_${expandTemplate('{{alnum:24}}')}\n`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toMatch(/stripe/i);
  });

  it('installs from a linked worktree into the shared hooks folder', () => {
    const repo = project();
    const wt = join(repo.dir, '..', 'wt');
    repo.git('worktree', 'add', '-q', wt);
    linkLeakguard(wt);
    const r = runCli(['install'], { cwd: wt });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.git', 'hooks', 'pre-commit'))).toBe(true);
    writeFileSync(join(wt, 'k.py'), `TOKEN = "${token()}"\n`);
    const env = testEnv({}, join(repo.dir, '..', 'home'));
    spawnSync('git', ['add', 'k.py'], { cwd: wt, env });
    const blocked = spawnSync('git', ['commit', '-m', 'secret'], { cwd: wt, env, encoding: 'utf8' });
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('os.environ["');
  });

  it('chains an existing hook: it runs first, and its failing exit code is kept', () => {
    const repo = project();
    const hookPath = join(repo.dir, '.git/hooks/pre-commit');
    const original = `#!/bin/sh\necho ran >> "${join(repo.dir, '..', 'original.log')}"\nexit 3\n`;
    writeFileSync(hookPath, original);
    chmodSync(hookPath, 0o755);

    const r = install(repo);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('pre-commit.leakguard-chained');
    expect(readFileSync(join(repo.dir, '.git/hooks/pre-commit.leakguard-chained'), 'utf8')).toBe(original);

    // git only says "failed"; run the hook the way git does to see the code it returns
    const direct = spawnSync(hookPath, [], { cwd: repo.dir, env: testEnv() });
    expect(direct.status).toBe(3);

    const blocked = commit(repo, 'clean.txt', 'nothing secret here\n');
    expect(blocked.status).not.toBe(0);
    expect(readFileSync(join(repo.dir, '..', 'original.log'), 'utf8')).toBe('ran\nran\n');

    // installing again updates leakguard's hook and never chains it to itself
    expect(install(repo).stdout).toContain('Updated');
    expect(readFileSync(join(repo.dir, '.git/hooks/pre-commit.leakguard-chained'), 'utf8')).toBe(original);
  });

  it('runs leakguard after a passing chained hook, so a secret is still blocked', () => {
    const repo = project();
    writeHook(join(repo.dir, '.git/hooks/pre-commit'), 'exit 0');
    expect(install(repo).exitCode).toBe(0);
    const blocked = commit(repo, 'a.ts', `const t = "${token()}";\n`);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('github-pat-classic');
  });

  it('--force replaces an existing hook instead of chaining it', () => {
    const repo = project();
    writeHook(join(repo.dir, '.git/hooks/pre-commit'), 'exit 3');
    const r = install(repo, '--force');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('Replaced');
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit.leakguard-chained'))).toBe(false);
    expect(commit(repo, 'clean.txt', 'fine\n').status).toBe(0);
  });

  it('refuses, with the fix, when both the hook and a chained hook already exist', () => {
    const repo = project();
    writeHook(join(repo.dir, '.git/hooks/pre-commit'), 'exit 0');
    writeHook(join(repo.dir, '.git/hooks/pre-commit.leakguard-chained'), 'exit 0');
    const r = install(repo);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('--force');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('uninstall restores a chained original and leaves other hooks alone', () => {
    const repo = project();
    const hookPath = join(repo.dir, '.git/hooks/pre-commit');
    writeHook(hookPath, 'echo original');
    const original = readFileSync(hookPath, 'utf8');
    install(repo);
    const r = uninstall(repo);
    expect(r.exitCode, r.stderr).toBe(0);
    expect(r.stdout).toContain('restored');
    expect(readFileSync(hookPath, 'utf8')).toBe(original);
    expect(existsSync(`${hookPath}.leakguard-chained`)).toBe(false);

    // not ours: untouched
    const again = uninstall(repo);
    expect(again.exitCode).toBe(0);
    expect(readFileSync(hookPath, 'utf8')).toBe(original);

    // ours alone: removed
    const fresh = project();
    install(fresh);
    expect(uninstall(fresh).stdout).toContain('Removed');
    expect(existsSync(join(fresh.dir, '.git/hooks/pre-commit'))).toBe(false);
    expect(commit(fresh, 'b.txt', `t = "${token()}"\n`).status).toBe(0);
  });

  it('falls back to the leakguard that installed the hook when none is in node_modules or on PATH, and says so', () => {
    const repo = makeRepo();
    repos.push(repo);
    const r = runCli(['install'], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain(`neither in node_modules nor on PATH, so the hook runs ${BIN}`);
    expect(commit(repo, 'clean.txt', 'hello\n').status).toBe(0);
    const blocked = commit(repo, 'a.js', `const t = "${token()}";\n`);
    expect(blocked.status).toBe(1);
    expect(blocked.stderr).toContain('a.js:1');
  });

  it('names the project\'s own leakguard when node_modules has one', () => {
    const repo = project();
    expect(install(repo).stdout).toContain("The hook runs this project's leakguard (node_modules/.bin/leakguard).");
  });

  it('blocks with a clear message when the leakguard that installed the hook is gone too', () => {
    const repo = makeRepo();
    repos.push(repo);
    // install from a throwaway copy of the package, then delete the copy
    const copy = join(repo.dir, '..', 'leakguard-copy');
    const pkg = join(BIN, '..', '..');
    mkdirSync(copy);
    for (const part of ['bin', 'dist', 'patterns', 'package.json']) cpSync(join(pkg, part), join(copy, part), { recursive: true });
    symlinkSync(join(pkg, 'node_modules'), join(copy, 'node_modules'));
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'leakguard.js'), 'install'], { cwd: repo.dir, env: testEnv(), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    rmSync(copy, { recursive: true, force: true });
    const blocked = commit(repo, 'x.txt', 'hello\n');
    expect(blocked.status).not.toBe(0);
    expect(blocked.stderr).toContain('could not find leakguard');
    expect(blocked.stderr).toContain('npm install --save-dev leakguard');
  });

  it('says what to do outside a git repository', () => {
    const repo = makeRepo();
    repos.push(repo);
    const outside = join(repo.dir, '..', 'not-a-repo');
    mkdirSync(outside);
    const r = runCli(['install'], { cwd: outside, env: { GIT_CEILING_DIRECTORIES: join(repo.dir, '..') } });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/not inside a git repository; run leakguard/);
  });
});

describe('leakguard install --pre-push', () => {
  function withRemote(): { repo: TempRepo; remote: string } {
    const repo = project();
    const remote = join(repo.dir, '..', 'remote.git');
    spawnSync('git', ['init', '-q', '--bare', '-b', 'main', remote], { env: testEnv() });
    repo.git('remote', 'add', 'origin', remote);
    return { repo, remote };
  }
  const remoteHead = (remote: string) => spawnSync('git', ['rev-parse', 'main'], { cwd: remote, encoding: 'utf8', env: testEnv() }).stdout.trim();

  it('stops a git push whose commits add a secret, even one committed with --no-verify', () => {
    const { repo, remote } = withRemote();
    const r = install(repo, '--pre-push');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-push'))).toBe(true);

    const first = repo.gitRaw(['push', '-q', 'origin', 'main']);
    expect(first.status, first.stderr).toBe(0);
    const pushed = remoteHead(remote);

    repo.write('deploy.sh', `export GITHUB_TOKEN=${token()}\n`);
    repo.commit('add deploy script'); // --no-verify: the commit hook was skipped
    repo.write('deploy.sh', 'export GITHUB_TOKEN="$GITHUB_TOKEN"\n');
    repo.commit('remove the token again'); // the secret is still in the pushed history

    const blocked = repo.gitRaw(['push', 'origin', 'main']);
    expect(blocked.status).not.toBe(0);
    expect(blocked.stdout + blocked.stderr).toContain('github-pat-classic');
    expect(blocked.stdout + blocked.stderr).toContain('deploy.sh');
    expect(remoteHead(remote)).toBe(pushed);
  });

  it('forwards git\'s stdin and arguments to a chained pre-push hook', () => {
    const { repo } = withRemote();
    const log = join(repo.dir, '..', 'pre-push.log');
    writeHook(join(repo.dir, '.git/hooks/pre-push'), `echo "args: $*" > "${log}"\ncat >> "${log}"`);
    expect(install(repo, '--pre-push').exitCode).toBe(0);
    repo.write('a.txt', 'clean\n');
    repo.commit('clean');
    const r = repo.gitRaw(['push', '-q', 'origin', 'main']);
    expect(r.status, r.stderr).toBe(0);
    const seen = readFileSync(log, 'utf8');
    expect(seen).toMatch(/^args: origin /);
    expect(seen).toMatch(/refs\/heads\/main [0-9a-f]{40} refs\/heads\/main 0{40}/);
  });

  it('uninstall --pre-push removes only the pre-push hook', () => {
    const { repo } = withRemote();
    install(repo);
    install(repo, '--pre-push');
    const r = uninstall(repo, '--pre-push');
    expect(r.exitCode, r.stderr).toBe(0);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-push'))).toBe(false);
    expect(existsSync(join(repo.dir, '.git/hooks/pre-commit'))).toBe(true);
  });
});
