import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * husky v9 (this package's own devDependency, real, from node_modules) in throwaway projects that
 * install leakguard the way users do: `npm install --save-dev <packed leakguard tarball>`, then
 * `npx husky init` and a `.husky/pre-commit` that runs `leakguard --staged` (husky puts
 * node_modules/.bin on PATH; npx would add ~220 ms to every commit).
 * Also the lint-staged contract: `leakguard --staged FILE` scans FILE's staged lines only.
 */

const PKG = fileURLToPath(new URL('../../', import.meta.url));
let work: string;
let tarball: string;
let env: NodeJS.ProcessEnv;
let jsRepo: TempRepo;
let pyRepo: TempRepo;

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}`, stdout: r.stdout };
}

function ok(cmd: string, args: string[], cwd: string): string {
  const r = run(cmd, args, cwd);
  expect(r.status, `${cmd} ${args.join(' ')}: ${r.out}`).toBe(0);
  return r.stdout;
}

const token = () => expandTemplate('ghp_{{crc32b62:30}}');

/** A project with a root package.json, leakguard and husky installed by npm, and husky's hooks set up. */
function huskyProject(files: Record<string, string>): TempRepo {
  const repo = makeRepo();
  repo.write('package.json', `${JSON.stringify({ name: 'demo', version: '1.0.0', private: true }, null, 2)}\n`);
  repo.write('.gitignore', 'node_modules/\n__pycache__/\n');
  for (const [path, content] of Object.entries(files)) repo.write(path, content);
  ok('npm', ['install', '--save-dev', '--no-audit', '--no-fund', tarball, join(PKG, 'node_modules', 'husky')], repo.dir);
  ok('npx', ['--no-install', 'husky', 'init'], repo.dir); // sets "prepare": "husky" and core.hooksPath
  repo.write('.husky/pre-commit', 'leakguard --staged\n');
  ok('git', ['add', '-A'], repo.dir);
  ok('git', ['commit', '-q', '-m', 'set up husky and leakguard'], repo.dir); // the hook runs: clean
  return repo;
}

beforeAll(() => {
  work = realpathSync(mkdtempSync(join(tmpdir(), 'leakguard-husky-')));
  mkdirSync(join(work, 'home'));
  env = testEnv(
    {
      npm_config_cache: process.env.npm_config_cache ?? join(homedir(), '.npm'),
      npm_config_update_notifier: 'false',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    },
    join(work, 'home'),
  );
  // pack the built package as npm would publish it (--ignore-scripts: dist/ is already built)
  const name = ok('npm', ['pack', '--ignore-scripts', '--pack-destination', work], PKG).trim().split('\n').pop()!;
  tarball = join(work, name);
  jsRepo = huskyProject({ 'src/index.js': 'console.log("hello");\n' });
  pyRepo = huskyProject({ 'app/__init__.py': '', 'app/settings.py': 'DEBUG = False\n', 'requirements.txt': 'django\n' });
}, 180_000);

afterAll(() => {
  jsRepo?.cleanup();
  pyRepo?.cleanup();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('husky v9', () => {
  it('sets up the hook git runs (core.hooksPath .husky/_)', () => {
    expect(jsRepo.git('config', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(JSON.parse(readFileSync(join(jsRepo.dir, 'package.json'), 'utf8')).scripts.prepare).toBe('husky');
  });

  it('blocks a real git commit of a secret in a JS file, suggesting process.env', () => {
    jsRepo.write('src/config.js', `export const githubToken = "${token()}";\n`);
    jsRepo.git('add', 'src/config.js');
    const r = run('git', ['commit', '-m', 'add config'], jsRepo.dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('github-pat-classic');
    expect(r.out).toContain('src/config.js');
    expect(r.out).toContain('process.env.');
    expect(r.out).toContain('husky - pre-commit script failed (code 1)');
    jsRepo.git('rm', '-q', '--cached', 'src/config.js');
    rmSync(join(jsRepo.dir, 'src/config.js'));
  });

  it('blocks a secret in a Python file of a mixed repository, suggesting os.environ', () => {
    pyRepo.write('app/settings.py', `DEBUG = False\nGITHUB_TOKEN = "${token()}"\n`);
    pyRepo.git('add', 'app/settings.py');
    const r = run('git', ['commit', '-m', 'settings'], pyRepo.dir);
    expect(r.status).not.toBe(0);
    expect(r.out).toContain('app/settings.py');
    expect(r.out).toContain('os.environ["');
    pyRepo.git('checkout', '-q', 'HEAD', '--', 'app/settings.py');
  });

  it('lets a clean commit through', () => {
    pyRepo.write('app/settings.py', 'import os\nGITHUB_TOKEN = os.environ["GITHUB_TOKEN"]\n');
    pyRepo.git('add', 'app/settings.py');
    const r = run('git', ['commit', '-m', 'read the token from the environment'], pyRepo.dir);
    expect(r.status, r.out).toBe(0);
  });

  it('leakguard install refuses to write into .husky/_ and names the line to add instead', () => {
    const r = run('npx', ['--no-install', 'leakguard', 'install'], jsRepo.dir);
    expect(r.status).toBe(2);
    expect(r.out).toContain('.husky/pre-commit');
    expect(r.out).toContain('add the line `leakguard --staged` to .husky/pre-commit');
    expect(readFileSync(join(jsRepo.dir, '.husky/_/pre-commit'), 'utf8')).not.toContain('leakguard');
  });
});

describe('lint-staged style: leakguard --staged FILE', () => {
  let repo: TempRepo;
  beforeAll(() => {
    repo = makeRepo();
    repo.write('src/a.js', 'export const a = 1;\n');
    repo.write('src/b.js', 'export const b = 2;\n');
    repo.commit('files');
  });
  afterAll(() => repo.cleanup());
  const lg = (cwd: string, ...args: string[]) => run(process.execPath, [join(PKG, 'bin/leakguard.js'), ...args], cwd);

  it('scans the staged lines of the named file, not its working-tree content', () => {
    // staged: clean; working tree: a secret not yet staged (lint-staged stashes it away too)
    repo.write('src/a.js', 'export const a = process.env.A;\n');
    repo.git('add', 'src/a.js');
    repo.write('src/a.js', `export const a = "${token()}";\n`);
    const clean = lg(repo.dir, '--staged', join(repo.dir, 'src/a.js'));
    expect(clean.status, clean.out).toBe(0);

    // staged: a secret; working tree: already cleaned up, but the commit would still carry it
    repo.git('add', 'src/a.js');
    repo.write('src/a.js', 'export const a = process.env.A;\n');
    const staged = lg(repo.dir, '--staged', join(repo.dir, 'src/a.js'));
    expect(staged.status).toBe(1);
    expect(staged.out).toContain('src/a.js');
  });

  it('scans only the named files (absolute, as lint-staged passes them, or relative to the root)', () => {
    repo.write('src/b.js', `export const b = "${token()}";\n`);
    repo.git('add', 'src/b.js');
    repo.write('src/a.js', 'export const a = process.env.A;\n');
    repo.git('add', 'src/a.js');
    expect(lg(repo.dir, '--staged', join(repo.dir, 'src/a.js')).status).toBe(0);
    expect(lg(repo.dir, '--staged', 'src/a.js').status).toBe(0);
    const b = lg(repo.dir, '--staged', join(repo.dir, 'src/b.js'));
    expect(b.status).toBe(1);
    expect(b.out).toContain('src/b.js');
    expect(lg(repo.dir, '--staged', 'src/b.js').status).toBe(1);
  });

  it('resolves relative FILEs from the current folder (lint-staged --relative in a subfolder)', () => {
    repo.write('src/b.js', `export const b = "${token()}";\n`);
    repo.git('add', 'src/b.js');
    const r = lg(join(repo.dir, 'src'), '--staged', 'b.js');
    expect(r.status, r.out).toBe(1);
    expect(r.out).toContain('src/b.js');
  });
});
