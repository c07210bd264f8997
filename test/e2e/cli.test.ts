import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/** The CLI contract: commands, options, exit codes and output formats, through the real bin. */
let repo: TempRepo;
let token: string;
let stripe: string;
beforeAll(() => {
  repo = makeRepo();
  token = expandTemplate('ghp_{{crc32b62:30}}');
  stripe = expandTemplate('sk_live_{{alnum:24}}');
  repo.write('src/app.ts', `export const t = "${token}";\n`);
  repo.write('config/app.yml', `stripe:\n  secret: ${stripe}\n`);
  repo.git('add', '-A');
});
afterAll(() => repo.cleanup());

describe('help and version', () => {
  it('documents the exit codes in --help', () => {
    const r = runCli(['--help'], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/Exit status:\n {2}0 {2}nothing found\n {2}1 {2}secrets found.*\n {2}2 {2}leakguard could not do its job/);
    for (const flag of ['--staged', '--format', '--output', '--no-redact', '--no-color', '--config', '--verbose', '--quiet', '--all-commits', '--range']) expect(r.stdout).toContain(flag);
  });
  it('prints the version from package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(runCli(['--version'], { cwd: repo.dir }).stdout.trim()).toBe(pkg.version);
  });
  it('exits 2 with one sentence on an unknown option', () => {
    const r = runCli(['--nope'], { cwd: repo.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^leakguard: .*--nope.*; run `leakguard --help` for the options\.\n$/);
  });
  it('exits 2 on a bad --format', () => {
    expect(runCli(['--format', 'xml'], { cwd: repo.dir }).exitCode).toBe(2);
  });
});

describe('scan', () => {
  it('treats `scan --staged` and `--staged` and no arguments the same', () => {
    const a = json(runCli(['scan', '--staged', '--format', 'json'], { cwd: repo.dir })).findings.map((f) => f.fingerprint);
    const b = json(runCli(['--staged', '--format', 'json'], { cwd: repo.dir })).findings.map((f) => f.fingerprint);
    const c = json(runCli(['--format', 'json'], { cwd: repo.dir })).findings.map((f) => f.fingerprint);
    expect(a.length).toBe(2);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('writes the JSON contract with redacted secrets', () => {
    const r = runCli(['--staged', '--format', 'json'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    const doc = JSON.parse(r.stdout) as { version: number; findings: Array<Record<string, unknown>>; stats: Record<string, unknown> };
    expect(doc.version).toBe(1);
    expect(doc.stats).toMatchObject({ mode: 'staged', findings: 2 });
    const f = doc.findings.find((x) => x.file === 'src/app.ts')!;
    expect(f).toMatchObject({ ruleId: 'github-pat-classic', line: 1, column: 19, endLine: 1, endColumn: 59 });
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(f.suggestion).toMatchObject({ envVar: 'GITHUB_TOKEN', replacement: 'process.env.GITHUB_TOKEN' });
    expect(r.stdout).not.toContain(token);
    expect(r.stdout).not.toContain(stripe);
    const y = doc.findings.find((x) => x.file === 'config/app.yml')!;
    expect(y.suggestion).toMatchObject({ replacement: '${STRIPE_SECRET_KEY}' });
  });

  it('shows the full secret only with --no-redact', () => {
    const r = runCli(['--staged', '--format', 'json', '--no-redact'], { cwd: repo.dir });
    expect(json(r).findings.map((f) => f.secret)).toContain(token);
    const text = runCli(['--staged'], { cwd: repo.dir });
    expect(text.stdout + text.stderr).not.toContain(token);
    expect(runCli(['--staged', '--no-redact'], { cwd: repo.dir }).stdout).toContain(token);
  });

  it('prints a text report grouped by file with the fix and no colour when NO_COLOR is set', () => {
    const r = runCli(['--staged'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/^config\/app\.yml\n {2}config\/app\.yml:2:11 {2}Stripe/m);
    expect(r.stdout).toContain('fix: read GITHUB_TOKEN from the environment: process.env.GITHUB_TOKEN');
    expect(r.stdout).toContain('// leakguard:allow');
    expect(r.stdout).toContain('git commit --no-verify');
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stderr).toMatch(/found 2 secrets in 2 staged files/);
  });

  it('writes SARIF 2.1.0 with rules, locations and partial fingerprints', () => {
    const r = runCli(['--staged', '--format', 'sarif'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    const sarif = JSON.parse(r.stdout) as { version: string; $schema: string; runs: Array<{ tool: { driver: { name: string; rules: Array<{ id: string; help: { text: string } }> } }; results: Array<Record<string, any>> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    const run = sarif.runs[0]!;
    expect(run.tool.driver.name).toBe('leakguard');
    const ids = run.tool.driver.rules.map((x) => x.id);
    for (const result of run.results) {
      expect(ids[result.ruleIndex]).toBe(result.ruleId);
      expect(result.level).toBe('error');
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^(src|config)\//);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
      expect(result.partialFingerprints['leakguard/v1']).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(r.stdout).not.toContain(token);
  });

  it('writes the report to --output and keeps exit code 1', () => {
    const out = join(repo.dir, '..', 'report.json');
    const r = runCli(['--staged', '--format', 'json', '--output', out], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect((JSON.parse(readFileSync(out, 'utf8')) as { findings: unknown[] }).findings).toHaveLength(2);
  });

  it('is quiet with --quiet when clean', () => {
    const clean = makeRepo();
    try {
      clean.write('a.js', 'export const a = 1;\n');
      clean.git('add', '-A');
      const r = runCli(['--staged', '--quiet'], { cwd: clean.dir });
      expect(r).toMatchObject({ exitCode: 0, stdout: '', stderr: '' });
      expect(runCli(['--staged'], { cwd: clean.dir }).stderr).toMatch(/no secrets in 1 staged file/);
    } finally {
      clean.cleanup();
    }
  });
});

describe('files mode', () => {
  it('scans files on disk, skipping what .gitignore ignores unless --no-gitignore', () => {
    const r2 = makeRepo();
    try {
      r2.write('.gitignore', 'node_modules/\n');
      r2.write('node_modules/pkg/index.js', `const t = "${expandTemplate('ghp_{{crc32b62:30}}')}";\n`);
      r2.write('lib/a.py', `API = "${expandTemplate('sk_live_{{alnum:24}}')}"\n`);
      const r = runCli(['--format', 'json', '.'], { cwd: r2.dir });
      expect(r.exitCode).toBe(1);
      expect(json(r).findings.map((f) => f.file)).toEqual(['lib/a.py']);
      const all = runCli(['--format', 'json', '--no-gitignore', '.'], { cwd: r2.dir });
      expect(json(all).findings.map((f) => f.file).sort()).toEqual(['lib/a.py', 'node_modules/pkg/index.js']);
      // paths are relative to the working directory
      const sub = runCli(['--format', 'json', 'a.py'], { cwd: join(r2.dir, 'lib') });
      expect(json(sub).findings.map((f) => f.file)).toEqual(['a.py']);
    } finally {
      r2.cleanup();
    }
  });

  it('scans everything under PATH outside a repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakguard-plain-'));
    try {
      writeFileSync(join(dir, 'settings.py'), `STRIPE = "${expandTemplate('sk_live_{{alnum:24}}')}"\n`);
      const r = runCli(['--format', 'json', dir], { cwd: tmpdir() });
      expect(r.exitCode).toBe(1);
      expect(json(r).findings[0]!.suggestion).toMatchObject({ replacement: 'os.environ["STRIPE_SECRET_KEY"]' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 for a missing path and for an unreadable file, never 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakguard-plain-'));
    try {
      expect(runCli([join(dir, 'missing')], { cwd: dir }).exitCode).toBe(2);
      writeFileSync(join(dir, 'locked.env'), 'X=1\n');
      chmodSync(join(dir, 'locked.env'), 0o000);
      const r = runCli(['.'], { cwd: dir });
      if (process.getuid?.() === 0) {
        // root can read anything: the file is scanned
        expect(r.exitCode).toBe(0);
      } else {
        expect(r.exitCode).toBe(2);
        expect(r.stderr).toMatch(/could not be read/);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns about files over --max-file-size and scans them when raised', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakguard-plain-'));
    try {
      writeFileSync(join(dir, 'big.js'), `${'// filler line\n'.repeat(2000)}const t = "${expandTemplate('ghp_{{crc32b62:30}}')}";\n`);
      const small = runCli(['--max-file-size', '1000', '.'], { cwd: dir });
      expect(small.exitCode).toBe(0);
      expect(small.stderr).toMatch(/Skipped big\.js: .*--max-file-size/);
      expect(small.stderr).not.toMatch(/no secrets in 1 file \(/);
      expect(runCli(['--max-file-size', '1M', '.'], { cwd: dir }).exitCode).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('skips binary files and reads UTF-16 text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'leakguard-plain-'));
    try {
      const secret = expandTemplate('ghp_{{crc32b62:30}}');
      writeFileSync(join(dir, 'blob.bin'), Buffer.concat([Buffer.from([0, 0, 1]), Buffer.from(secret)]));
      writeFileSync(join(dir, 'utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`token=${secret}\n`, 'utf16le')]));
      const r = runCli(['--format', 'json', '--verbose', '.'], { cwd: dir });
      expect(json(r).findings.map((f) => f.file)).toEqual(['utf16.txt']);
      expect(r.stderr).toMatch(/Skipped blob\.bin: binary file/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('rules', () => {
  it('lists the rules as JSON with id, description, provider, category and envVar', () => {
    const r = runCli(['rules', '--format', 'json'], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
    const rules = (JSON.parse(r.stdout) as { rules: Array<Record<string, string>> }).rules;
    expect(rules.length).toBeGreaterThanOrEqual(200);
    expect(rules.find((x) => x.id === 'github-pat-classic')).toMatchObject({ provider: 'GitHub', category: 'vcs', envVar: 'GITHUB_TOKEN' });
    expect(rules.find((x) => x.id === 'generic-password')).toBeDefined();
  });
});

describe('config errors', () => {
  it('exits 2 naming the file when the config does not parse', () => {
    const r2 = makeRepo();
    try {
      r2.write('.leakguardrc.json', '{ "disabledRules": [ }');
      const r = runCli(['--staged'], { cwd: r2.dir });
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/^leakguard: The config file .*\.leakguardrc\.json cannot be parsed \((?:Unexpected|Expected) .+\); fix its syntax or remove it\.\n$/);
      // inside a hook the same failure blocks the commit, and says how to get past it deliberately
      const hook = runCli(['--staged'], { cwd: r2.dir, env: { GIT_INDEX_FILE: `${r2.dir}/.git/index` } });
      expect(hook.exitCode).toBe(2);
      expect(hook.stderr).toMatch(/fix its syntax or remove it; to go ahead without the check this once, use `git commit --no-verify`/);
    } finally {
      r2.cleanup();
    }
  });
});

describe('history text report', () => {
  it('groups by commit, says the secret is already in history, and names the clean-up tools', () => {
    const r2 = makeRepo();
    try {
      r2.write('deploy.sh', `export GITHUB_TOKEN=${expandTemplate('ghp_{{crc32b62:30}}')}\n`);
      const sha = r2.commit('add deploy script');
      r2.write('deploy.sh', 'export GITHUB_TOKEN="$GITHUB_TOKEN"\n');
      r2.commit('read the token from the environment');
      const r = runCli(['--all-commits', '--jobs', '2'], { cwd: r2.dir });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain(`commit ${sha.slice(0, 12)}`);
      expect(r.stdout).toContain('add deploy script');
      expect(r.stdout).toMatch(/deploy\.sh:1:\d+ {2}GitHub personal access token/);
      expect(r.stdout).toMatch(/already in git history/);
      expect(r.stdout).toMatch(/git filter-repo .* BFG Repo-Cleaner/);
      expect(r.stderr).toMatch(/found 1 secret in 3 commits/); // the initial commit, the secret, the fix
      const j = json(runCli(['--all-commits', '--format', 'json'], { cwd: r2.dir }));
      expect(j.findings[0]).toMatchObject({ commit: sha, author: 'Test Author', email: 'author@example.test', message: 'add deploy script' });
      expect(runCli(['--all-commits', '--jobs', 'many'], { cwd: r2.dir }).exitCode).toBe(2);
    } finally {
      r2.cleanup();
    }
  });
});
