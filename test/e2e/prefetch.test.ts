import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';
import { bindingsTested } from '../../src/util/builtin.js';

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/cli.cjs', import.meta.url));

// The bin starts a hook's staged diff before it compiles the CLI (bin/leakguard.js,
// src/sources/prefetch.ts), into a pipe. A `git` first on PATH logs each call and runs the real
// one, so the tests see which git commands ran; TMPDIR is a folder of the test's own, to see that
// nothing staged is written there.
const work = mkdtempSync(join(tmpdir(), 'leakguard-prefetch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const bin = join(work, 'bin');
const log = join(work, 'git.log');
const temp = join(work, 'tmp');
const realGit = (process.env.PATH ?? '').split(':').map((d) => join(d, 'git')).find((p) => existsSync(p))!;

const setUp = () => {
  mkdirSync(bin, { recursive: true });
  mkdirSync(temp, { recursive: true });
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${realGit}' "$@"\n`, { mode: 0o755 });
};

const hook = (repo: TempRepo, args: string[], cwd = repo.dir) => {
  writeFileSync(log, '');
  const r = runCli(args, { cwd, env: { PATH: `${bin}:${process.env.PATH}`, TMPDIR: temp } });
  const diffs = readFileSync(log, 'utf8').split('\n').filter((l) => l.includes(' diff --cached '));
  return { ...r, diffs };
};

describe.skipIf(!existsSync(BUNDLE) || !bindingsTested())('the hook\'s staged diff, started before the CLI', () => {
  it('is taken by the scan: git diff runs once, the finding is the same, and nothing is written to the temp folder', () => {
    setUp();
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    const repo = makeRepo({ initialCommit: true });
    try {
      repo.write('src/a.ts', `export const token = "${token}";\n`);
      repo.git('add', '-A');
      const r = hook(repo, ['--staged', '--format', 'json']);
      expect(r.exitCode).toBe(1);
      expect(r.diffs).toHaveLength(1);
      expect(json(r).findings.map((f) => f.ruleId)).toEqual([expect.stringMatching(/github/)]);
      expect(readdirSync(temp)).toEqual([]);
      // the same answer without the prefetch (a path argument: the scan runs git itself)
      const plain = hook(repo, ['--staged', '--format', 'json', 'src/a.ts']);
      expect(json(plain).findings).toEqual(json(r).findings);
    } finally {
      repo.cleanup();
    }
  });

  it('a diff many times the pipe\'s buffer is read whole, and a secret at its end is found', () => {
    setUp();
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    const repo = makeRepo({ initialCommit: true });
    try {
      const filler = Array.from({ length: 20_000 }, (_, i) => `export const value${i} = ${i} * 2 + 1; // an ordinary generated line`).join('\n');
      repo.write('src/big.ts', `${filler}\nexport const token = "${token}";\n`);
      repo.git('add', '-A');
      const r = hook(repo, ['--staged', '--format', 'json']);
      expect(r.exitCode).toBe(1);
      expect(json(r).findings.map((f) => f.line)).toEqual([20_001]);
      expect(r.diffs).toHaveLength(1);
    } finally {
      repo.cleanup();
    }
  });

  it('a run that never takes the diff (a broken config) still exits at once, with exit 2', () => {
    setUp();
    const repo = makeRepo({ initialCommit: true });
    try {
      // more than a pipe holds: git blocks on it until leakguard exits
      repo.write('src/big.ts', `${'export const x = 1; // filler\n'.repeat(20_000)}`);
      repo.write('.leakguardrc.json', '{ "rules": [ broken');
      repo.git('add', '-A');
      const started = Date.now();
      const r = hook(repo, ['--staged']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/leakguardrc/);
      expect(Date.now() - started).toBeLessThan(20_000);
    } finally {
      repo.cleanup();
    }
  });

  it('from a subfolder, the prefetch is not the scan\'s command: git runs again, and the result holds', () => {
    setUp();
    const repo = makeRepo({ initialCommit: true });
    try {
      repo.write('sub/dir/a.ts', 'export const answer = 42;\n');
      repo.git('add', '-A');
      const r = hook(repo, ['--staged'], join(repo.dir, 'sub', 'dir'));
      expect(r.exitCode).toBe(0);
      expect(r.stderr).toMatch(/no secrets in 1 staged file/);
      expect(r.diffs).toHaveLength(2);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  it('a diff past the 8 MB read whole is streamed instead, and a secret past it is still found', () => {
    setUp();
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    const repo = makeRepo({ initialCommit: true });
    try {
      const filler = Array.from({ length: 125_000 }, (_, i) => `export const value${i} = ${i} * 2 + 1; // an ordinary generated line`).join('\n');
      repo.write('src/big.ts', `${filler}\nexport const token = "${token}";\n`);
      repo.git('add', '-A');
      const r = hook(repo, ['--staged', '--format', 'json']);
      expect(r.exitCode).toBe(1);
      expect(json(r).findings.map((f) => f.line)).toEqual([125_001]);
      expect(r.diffs.length).toBeGreaterThanOrEqual(2);
      expect(readdirSync(temp)).toEqual([]);
    } finally {
      repo.cleanup();
    }
  });

  it('a git that fails is run again by the scan, which says what went wrong (exit 2)', () => {
    setUp();
    const repo = makeRepo({ initialCommit: true });
    try {
      repo.write('a.ts', 'x\n');
      repo.git('add', '-A');
      writeFileSync(join(repo.dir, '.git', 'index'), 'not an index');
      const r = hook(repo, ['--staged']);
      expect(r.exitCode).toBe(2);
      expect(r.stderr).toMatch(/git diff --cached .* failed \(.*index.*\)/i);
      expect(r.diffs).toHaveLength(2);
    } finally {
      repo.cleanup();
    }
  });
});
