import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/** Each suppression path alone: it suppresses exactly what it names, and says why. */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const gh = () => expandTemplate('ghp_{{crc32b62:30}}');
const scanStaged = (...extra: string[]) => runCli(['--staged', '--format', 'json', '--show-suppressed', ...extra], { cwd: repo.dir });
const files = (r: ReturnType<typeof scanStaged>) => json(r).findings.map((f) => `${String(f.file)}:${String(f.line)}`).sort();
const reasons = (r: ReturnType<typeof scanStaged>) => (json(r).suppressed ?? []).map((s) => `${String(s.file)}:${String(s.line)} ${String(s.suppressedBy)}`).sort();

describe('inline directives', () => {
  it.each([
    ['leakguard:allow', (t: string) => `const a = "${t}"; // leakguard:allow\n`, 'inline leakguard:allow'],
    ['gitleaks:allow', (t: string) => `const a = "${t}"; // gitleaks:allow\n`, 'inline gitleaks:allow'],
    ['trufflehog:ignore', (t: string) => `const a = "${t}"; // trufflehog:ignore\n`, 'inline trufflehog:ignore'],
    ['pragma: allowlist secret', (t: string) => `const a = "${t}"; // pragma: allowlist secret\n`, 'inline pragma: allowlist secret'],
    ['leakguard:allow-next-line', (t: string) => `// leakguard:allow-next-line\nconst a = "${t}";\n`, 'inline leakguard:allow-next-line (line 1)'],
    ['pragma: allowlist nextline secret', (t: string) => `# pragma: allowlist nextline secret\nconst a = "${t}";\n`, 'inline pragma: allowlist nextline secret (line 1)'],
  ])('%s suppresses its line only', (_name, make, reason) => {
    const allowed = gh();
    repo.write('a.js', make(allowed));
    repo.write('b.js', `const b = "${gh()}";\n`);
    repo.git('add', '-A');
    const r = scanStaged();
    expect(r.exitCode).toBe(1);
    expect(files(r)).toEqual(['b.js:1']);
    expect(reasons(r)).toEqual([`a.js:${make('x').startsWith('/') || make('x').startsWith('#') ? 2 : 1} ${reason}`]);
    // --no-inline-allow turns every directive off (audits)
    expect(files(scanStaged('--no-inline-allow'))).toEqual(['a.js', 'b.js'].map((f) => (f === 'a.js' && (make('x').startsWith('/') || make('x').startsWith('#')) ? 'a.js:2' : `${f}:1`)).sort());
  });

  it('honours allow-next-line on a line that was already committed', () => {
    repo.write('config.properties', '# leakguard:allow-next-line\nother=1\n');
    repo.commit('base');
    repo.write('config.properties', `# leakguard:allow-next-line\nsigning.token=${gh()}\nother=1\n`);
    repo.git('add', '-A');
    const r = scanStaged();
    expect(r.exitCode).toBe(0);
    expect(reasons(r)).toEqual(['config.properties:2 inline leakguard:allow-next-line (line 1)']);
  });

  it('honours allow-next-line on lines committed earlier in a history scan, and keeps a secret with none', () => {
    repo.write('a.properties', '# leakguard:allow-next-line\nother=1\n');
    repo.write('b.properties', '# leakguard:allow-next-line\nother=1\n');
    repo.write('c.properties', '# a comment\nother=1\n');
    repo.commit('base');
    for (const f of ['a', 'b', 'c']) repo.write(`${f}.properties`, `${f === 'c' ? '# a comment' : '# leakguard:allow-next-line'}\nsigning.token=${gh()}\nother=1\n`);
    repo.commit('tokens');
    const r = runCli(['--all-commits', '--format', 'json', '--show-suppressed'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(files(r)).toEqual(['c.properties:2']);
    expect(reasons(r)).toEqual(['a.properties:2 inline leakguard:allow-next-line (line 1)', 'b.properties:2 inline leakguard:allow-next-line (line 1)']);
  });

  it('a directive on one line does not cover a secret on another', () => {
    repo.write('a.py', `A = "${gh()}"  # leakguard:allow\nB = "${gh()}"\n`);
    repo.git('add', '-A');
    expect(files(scanStaged())).toEqual(['a.py:2']);
  });
});

describe('config', () => {
  const write = (config: unknown) => repo.write('.leakguardrc.json', JSON.stringify(config));

  it('allowlist.paths skips matching files only (micromatch globs)', () => {
    write({ allowlist: { paths: ['test/fixtures/**'] } });
    repo.write('test/fixtures/data.js', `x = "${gh()}"\n`);
    repo.write('src/data.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    const r = scanStaged();
    expect(files(r)).toEqual(['src/data.js:1']);
    expect(reasons(r)).toEqual(['test/fixtures/data.js:1 allowlist.paths']);
  });

  it('allowlist.regexes match the secret, or the whole line with target "line"', () => {
    write({ allowlists: [{ regexes: ['^ghp_'], rules: ['stripe-secret-key'] }, { regexes: [{ regex: 'FIXTURE', target: 'line' }] }] });
    repo.write('a.js', `x = "${gh()}" // FIXTURE\n`);
    repo.write('b.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    const r = scanStaged();
    // the first list names another rule, so it does not apply to GitHub tokens
    expect(files(r)).toEqual(['b.js:1']);
    expect(reasons(r)).toEqual(['a.js:1 allowlists[1].regexes[0]']);
  });

  it('allowlist.values take exact secrets or their sha256', () => {
    const exact = gh();
    const hashed = gh();
    write({ allowlist: { values: [exact, `sha256:${createHash('sha256').update(hashed).digest('hex')}`] } });
    repo.write('a.js', `x = "${exact}"\ny = "${hashed}"\nz = "${gh()}"\n`);
    repo.git('add', '-A');
    const r = scanStaged();
    expect(files(r)).toEqual(['a.js:3']);
    // the config file holds the exact value too, so it is allowed there as well; sha256 avoids that
    expect(reasons(r)).toEqual(['.leakguardrc.json:1 allowlist.values[0]', 'a.js:1 allowlist.values[0]', 'a.js:2 allowlist.values[1]']);
  });

  it('disabledRules turns rules off; custom rules add to the built-in ones', () => {
    write({
      disabledRules: ['generic-password'],
      rules: [{ id: 'acme-token', description: 'Acme internal token', regex: '\\b(acme_[a-z0-9]{32})\\b', keywords: ['acme_'], secretGroup: 1, envVar: 'ACME_TOKEN' }],
    });
    repo.write('a.yml', `db:\n  password: "${expandTemplate('{{alnum:20}}')}"\nacme: ${expandTemplate('acme_{{lowernum:32}}')}\ngh: ${gh()}\n`);
    repo.git('add', '-A');
    const r = scanStaged();
    expect(json(r).findings.map((f) => f.ruleId).sort()).toEqual(['acme-token', 'github-pat-classic']);
    expect(json(r).findings.find((f) => f.ruleId === 'acme-token')!.suggestion).toMatchObject({ envVar: 'ACME_TOKEN', replacement: '${ACME_TOKEN}' });
  });

  it('is read from a leakguard key in package.json', () => {
    repo.write('package.json', JSON.stringify({ name: 'x', leakguard: { allowlist: { paths: ['fixtures/**'] } } }));
    repo.write('fixtures/a.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    expect(scanStaged().exitCode).toBe(0);
  });

  it('is read from YAML .leakguardrc', () => {
    repo.write('.leakguardrc', 'allowlist:\n  paths:\n    - "fixtures/**"\n');
    repo.write('fixtures/a.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    expect(scanStaged().exitCode).toBe(0);
  });

  it('never executes a JS config found in the repository, and loads one named with --config', () => {
    const marker = join(repo.dir, 'executed.txt');
    repo.write('leakguard.config.js', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); module.exports = { allowlist: { paths: ['**'] } };\n`);
    repo.write('a.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    const r = runCli(['--staged', '--verbose'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(existsSync(marker)).toBe(false);
    expect(r.stderr).toMatch(/leakguard\.config\.js is present but was not loaded/);
    repo.write('trusted.config.cjs', `module.exports = { allowlist: { paths: ['a.js'] } };\n`);
    expect(runCli(['--staged', '--config', 'trusted.config.cjs'], { cwd: repo.dir }).exitCode).toBe(0);
  });
});

describe('config errors: one fixture per behaviour, each exit 2 with the file and the fix', () => {
  const dir = new URL('../fixtures/configs/invalid/', import.meta.url);
  it.each([
    ['syntax-error.json', /cannot be parsed \(.+\); fix its syntax/],
    ['allowlist-paths-not-array.json', /"allowlists\[0\]\.paths" must be an array of strings, for example \["test\/fixtures\/\*\*"\]/],
    ['disabled-rule-unknown.json', /disabledRules names "no-such-rule", which is not a rule; run `leakguard rules`/],
    ['rule-regex-does-not-compile.json', /Rule "acme-token" .* has a regex that does not compile/],
    ['rule-regex-redos.json', /Rule "acme-token" .* can backtrack catastrophically/],
    ['rule-id-not-kebab.json', /invalid "id": expected a kebab-case string/],
    ['rule-replaces-builtin.json', /reuses the built-in rule id "github-pat-classic"/],
    ['allowlist-regex-redos.json', /allowlist\.regexes\[0\] can backtrack catastrophically/],
    ['allowlist-sha256-malformed.json', /"allowlist\.values\[0\]" must be sha256: followed by 64 hex characters/],
    ['entropy-not-number.json', /"entropy\.minLength" must be a non-negative number/],
    ['max-file-size-negative.json', /"maxFileSize" must be a positive whole number of bytes/],
    ['allowlist-unknown-key.json', /allowlist: unknown key "pathz"/],
    ['unknown-top-level-key.json', /unknown key "ruels"/],
    ['top-level-array.json', /"\(top level\)" must be an object/],
  ])('%s', (name, message) => {
    repo.write('a.js', 'x = 1\n');
    repo.git('add', '-A');
    const r = runCli(['--staged', '--config', new URL(name, dir).pathname], { cwd: repo.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('valid configs load', () => {
  it.each(['everything.json', 'yaml.leakguardrc'])('%s', (name) => {
    repo.write('a.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    const r = runCli(['--staged', '--verbose', '--config', new URL(`../fixtures/configs/valid/${name}`, import.meta.url).pathname], { cwd: repo.dir });
    expect(r.exitCode, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/Loaded config from .*valid/);
  });
});

describe('.leakguardignore', () => {
  it('skips paths in gitignore syntax', () => {
    repo.write('.leakguardignore', '# generated\nvendor/\n*.snap\n');
    repo.write('vendor/lib.js', `x = "${gh()}"\n`);
    repo.write('a.test.js.snap', `x = "${gh()}"\n`);
    repo.write('src/a.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    expect(files(scanStaged())).toEqual(['src/a.js:1']);
  });
});

describe('.gitignore rules', () => {
  it('blocks a force-added .env that .gitignore excludes, with the git rm --cached hint', () => {
    repo.write('.gitignore', '.env\n*.pem\n');
    repo.commit('ignore');
    repo.write('.env', `DB_PASSWORD=${expandTemplate('{{alnum:20}}')}\n`);
    repo.write('server.pem', 'not really a key\n');
    repo.git('add', '-f', '.env', 'server.pem');
    const r = runCli(['--staged'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toMatch(/git rm --cached -- \.env/);
    expect(r.stdout).toMatch(/server\.pem is excluded by \.gitignore but was added with git add -f/);
    const j = json(runCli(['--staged', '--format', 'json'], { cwd: repo.dir }));
    expect(j.findings.map((f) => `${String(f.file)} ${String(f.ruleId)} ${String(f.gitignored)}`).sort()).toEqual([
      '.env generic-password true',
      '.env gitignored-secrets-file true',
      'server.pem gitignored-secrets-file true',
    ]);
  });

  it('does not flag an ignored-by-pattern example file or a normal force-added file', () => {
    repo.write('.gitignore', '.env*\nbuild/\n');
    repo.commit('ignore');
    repo.write('.env.example', 'DB_PASSWORD=\n');
    repo.write('build/out.js', 'x = 1\n');
    repo.git('add', '-f', '.env.example', 'build/out.js');
    expect(scanStaged().exitCode).toBe(0);
  });

  it('says which .gitignore line to add when .env is not ignored', () => {
    repo.write('a.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    expect(json(scanStaged()).findings[0]!.suggestion).toMatchObject({ storeIn: '.env', storeInIgnored: false, gitignoreLine: '.env' });
    repo.write('.gitignore', '.env\n');
    expect(json(scanStaged()).findings[0]!.suggestion).toMatchObject({ storeInIgnored: true });
  });
});

describe('baseline', () => {
  it('records findings by content, survives moved lines, and still reports a new secret next to an old one', () => {
    const old = gh();
    repo.write('src/a.js', `const a = "${old}";\n`);
    repo.commit('old secret');
    const written = runCli(['baseline', '.'], { cwd: repo.dir });
    expect(written.exitCode).toBe(0);
    const path = join(repo.dir, '.leakguard-baseline.json');
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(old);
    expect(text).not.toMatch(/"line"/);
    expect(text.endsWith('\n')).toBe(true);
    const doc = JSON.parse(text) as { version: number; entries: Array<{ ruleId: string; file: string; secretHash: string }> };
    expect(doc.entries).toEqual([{ ruleId: 'github-pat-classic', file: 'src/a.js', secretHash: createHash('sha256').update(old).digest('hex') }]);

    // move the line down and add a new secret right next to it
    const fresh = gh();
    repo.write('src/a.js', `// header\n\nconst b = "${fresh}";\nconst a = "${old}";\n`);
    repo.git('add', '-A');
    const r = runCli(['src/a.js', '--format', 'json', '--show-suppressed'], { cwd: repo.dir });
    expect(json(r).findings.map((f) => f.line)).toEqual([3]);
    expect((json(r).suppressed ?? []).map((s) => `${String(s.line)} ${String(s.suppressedBy)}`)).toEqual(['4 baseline']);
    // the hook never rewrites the baseline
    runCli(['--staged'], { cwd: repo.dir });
    expect(readFileSync(path, 'utf8')).toBe(text);
    // --no-baseline reports both
    expect(json(runCli(['src/a.js', '--format', 'json', '--no-baseline'], { cwd: repo.dir })).findings).toHaveLength(2);
  });

  it('is stable: the same findings give the same bytes, sorted', () => {
    repo.write('b.js', `x = "${gh()}"\n`);
    repo.write('a.js', `x = "${gh()}"\ny = "${gh()}"\n`);
    runCli(['baseline', '.'], { cwd: repo.dir });
    const first = readFileSync(join(repo.dir, '.leakguard-baseline.json'), 'utf8');
    runCli(['baseline', '.'], { cwd: repo.dir });
    expect(readFileSync(join(repo.dir, '.leakguard-baseline.json'), 'utf8')).toBe(first);
    const entries = (JSON.parse(first) as { entries: Array<{ file: string }> }).entries.map((e) => e.file);
    expect(entries).toEqual(['a.js', 'a.js', 'b.js']);
  });

  it('--prune drops entries that match nothing and --baseline points elsewhere', () => {
    const a = gh();
    repo.write('a.js', `x = "${a}"\ny = "${gh()}"\n`);
    expect(runCli(['baseline', '--baseline', 'custom.json', '.'], { cwd: repo.dir }).exitCode).toBe(0);
    repo.write('a.js', `x = "${a}"\n`);
    const pruned = runCli(['baseline', '--prune', '--baseline', 'custom.json', '.'], { cwd: repo.dir });
    expect(pruned.stderr).toMatch(/pruned 1 of 2 baseline entries/);
    expect((JSON.parse(readFileSync(join(repo.dir, 'custom.json'), 'utf8')) as { entries: unknown[] }).entries).toHaveLength(1);
    const r = runCli(['.', '--baseline', 'custom.json', '--verbose'], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
  });

  it('a broken baseline is exit 2, not a silent full pass', () => {
    repo.write('.leakguard-baseline.json', '{ nope');
    repo.write('a.js', `x = "${gh()}"\n`);
    repo.git('add', '-A');
    const r = runCli(['--staged'], { cwd: repo.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/baseline .* is not valid .*; regenerate it with `leakguard baseline`/);
  });
});
