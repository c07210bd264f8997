import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';
import { bindingsTested } from '../../src/util/builtin.js';

const BUNDLE = fileURLToPath(new URL('../../dist/bundle/cli.cjs', import.meta.url));

// The hook's clean run keeps to what it needs of node: git through node 20's spawn bindings,
// V8's flags through the binding behind node:v8, and no stream, net, tty, child_process or v8
// module, which together were a fifth of what it ran on top of node's start (callgrind). A
// preload prints what node loaded beyond its start; speed itself is measured in bench/.
const preload = join(mkdtempSync(join(tmpdir(), 'leakguard-lean-')), 'modules.cjs');
writeFileSync(
  preload,
  "const start = new Set(process.moduleLoadList);\nprocess.on('exit', () => process._rawDebug('LOADED ' + process.moduleLoadList.filter((m) => !start.has(m)).join(',')));\n",
);
afterAll(() => rmSync(join(preload, '..'), { recursive: true, force: true }));
const loaded = (stderr: string) => (/^LOADED (.*)$/m.exec(stderr)?.[1] ?? '').split(',');

const stagedRepo = (text: string): TempRepo => {
  const repo = makeRepo({ initialCommit: true });
  repo.write('src/app.ts', text);
  repo.git('add', '-A');
  return repo;
};

describe.skipIf(!existsSync(BUNDLE) || !bindingsTested())('the hook on a node whose bindings are tested', () => {
  it('a clean staged run loads no net, tty or child_process module (nor stream or v8 but on node 24), and warns of nothing', () => {
    const repo = stagedRepo('export const answer = 42;\n');
    try {
      for (let i = 0; i < 2; i++) {
        // the second run takes the code cache the first wrote; as installed, without --quiet, so
        // the summary line is printed (cli/std-writer.ts: without process.stderr)
        const r = runCli(['--staged'], { cwd: repo.dir, env: { NODE_OPTIONS: `--require ${preload}` } });
        expect(r.exitCode).toBe(0);
        expect(r.stderr).toMatch(/no secrets in 1 staged file/);
        const modules = loaded(r.stderr);
        // git started by the bin before the CLI (bin/leakguard.js, src/sources/prefetch.ts)
        expect(modules).toContain('Internal Binding process_wrap');
        for (const m of ['NativeModule child_process', 'NativeModule net', 'NativeModule tty']) expect(modules).not.toContain(m);
        // node 24 refuses the v8 binding, so V8's flags are set through node:v8, which loads
        // node's streams there (cli/bin-main.ts); elsewhere neither is loaded
        if (process.versions.node.startsWith('24.')) expect(modules).toContain('NativeModule v8');
        else for (const m of ['NativeModule stream', 'NativeModule v8']) expect(modules).not.toContain(m);
        expect(r.stderr.replace(/^LOADED .*$/m, '').replace(/^leakguard: no secrets .*$/m, '').trim()).toBe('');
      }
    } finally {
      repo.cleanup();
    }
  });

  it('a hook run takes the code cache a hook run wrote, and does not write it again', () => {
    // V8 stamps a cache with a hash of its flags, and V8 13 changes that hash for good once a flag
    // is set: a cache written after the hook's flags were raised was turned down at every start
    const repo = stagedRepo('export const answer = 42;\n');
    try {
      runCli(['--staged'], { cwd: repo.dir });
      const caches = () => readdirSync(dirname(BUNDLE)).filter((f) => f.endsWith(`-${process.versions.v8}.hook.cache`));
      expect(caches()).toHaveLength(1);
      const file = join(dirname(BUNDLE), caches()[0]!);
      const written = statSync(file).mtimeMs;
      for (let i = 0; i < 2; i++) expect(runCli(['--staged'], { cwd: repo.dir }).exitCode).toBe(0);
      expect(statSync(file).mtimeMs).toBe(written);
    } finally {
      repo.cleanup();
    }
  });

  it('a blocked commit prints its findings without node\'s child_process, net, tty or fs/promises modules', () => {
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    const repo = stagedRepo(`const token = "${token}";\n`);
    try {
      const r = runCli(['--staged'], { cwd: repo.dir, env: { NODE_OPTIONS: `--require ${preload}` } });
      expect(r.exitCode).toBe(1);
      expect(r.stdout).toContain('github-pat-classic');
      const modules = loaded(r.stderr);
      for (const m of ['NativeModule child_process', 'NativeModule net', 'NativeModule tty', 'NativeModule fs/promises']) expect(modules).not.toContain(m);
    } finally {
      repo.cleanup();
    }
  });

  it('blocks a staged secret the same way with deprecations made loud, where node\'s public modules do the work', () => {
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    const repo = stagedRepo(`const token = "${token}";\n`);
    try {
      const plain = runCli(['--staged', '--format', 'json'], { cwd: repo.dir });
      const loud = runCli(['--staged', '--format', 'json'], { cwd: repo.dir, env: { NODE_OPTIONS: `--pending-deprecation --require ${preload}` } });
      expect(plain.exitCode).toBe(1);
      expect(loud.exitCode).toBe(1);
      expect(JSON.parse(loud.stdout).findings).toEqual(JSON.parse(plain.stdout).findings);
      expect(JSON.parse(plain.stdout).findings[0].ruleId).toMatch(/github/);
      expect(loud.stderr).not.toMatch(/DeprecationWarning/);
      expect(loaded(loud.stderr)).toContain('NativeModule child_process');
      expect(plain.stdout).not.toContain(token);
    } finally {
      repo.cleanup();
    }
  });

  it('a clean run with deprecations made loud prints no deprecation either', () => {
    const repo = stagedRepo('export const answer = 42;\n');
    try {
      const r = runCli(['--staged'], { cwd: repo.dir, env: { NODE_OPTIONS: '--pending-deprecation' } });
      expect(r.exitCode).toBe(0);
      expect(r.stderr).not.toMatch(/Deprecation/);
      expect(r.stderr).toMatch(/no secrets in 1 staged file/);
    } finally {
      repo.cleanup();
    }
  });
});
