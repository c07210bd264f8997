import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeRepo, testEnv } from '../helpers/git-repo.js';
import { runCli } from '../helpers/run-cli.js';

const BUNDLE_DIR = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

/** The bin compiles the bundle from V8's code cache, kept beside it per build and V8 version. */
describe.skipIf(!existsSync(`${BUNDLE_DIR}cli.cjs`))('code cache of the bundled CLI', () => {
  const build = /^\/\/ leakguard-build (\w+)/.exec(readFileSync(`${BUNDLE_DIR}cli.cjs`, 'utf8'))?.[1];
  const cache = () => readdirSync(BUNDLE_DIR).find((n) => n === `cli.cjs.${build}-${process.versions.v8}.cli.cache`);

  it('is named after the build, written by a run, and used by the next', () => {
    expect(build).toMatch(/^[0-9a-f]{16}$/);
    expect(runCli(['--version'], { cwd: BUNDLE_DIR }).exitCode).toBe(0);
    expect(cache()).toBeDefined();
    expect(runCli(['--version'], { cwd: BUNDLE_DIR }).exitCode).toBe(0);
  });

  it('turned down by V8 (not a cache at all), is only replaced: the run goes on', () => {
    expect(runCli(['--version'], { cwd: BUNDLE_DIR }).exitCode).toBe(0);
    const file = `${BUNDLE_DIR}${cache()}`;
    writeFileSync(file, 'not a code cache');
    const r = runCli(['--version'], { cwd: BUNDLE_DIR });
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/\d+\.\d+\.\d+/);
    expect(readFileSync(file, 'utf8')).not.toBe('not a code cache');
  });

  it('a hook writes its own cache as it exits, with V8 flags the next hook starts with: that one takes it', () => {
    // a private install: the shared one's caches are written by every test's runs
    const install = realpathSync(mkdtempSync(join(tmpdir(), 'leakguard-cache-')));
    const repo = makeRepo({ initialCommit: true });
    try {
      for (const part of ['bin', 'dist', 'patterns', 'package.json']) cpSync(fileURLToPath(new URL(`../../${part}`, import.meta.url)), join(install, part), { recursive: true });
      symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), join(install, 'node_modules'));
      const bundle = join(install, 'dist/bundle');
      for (const n of readdirSync(bundle)) if (n.endsWith('.cache')) rmSync(join(bundle, n));
      repo.write('app.js', 'export const retries = 3;\n');
      repo.git('add', 'app.js');
      const hook = () => spawnSync(process.execPath, [join(install, 'bin/leakguard.js'), '--staged'], { cwd: repo.dir, env: testEnv(), encoding: 'utf8' });
      const hookCache = () => readdirSync(bundle).find((n) => n.endsWith('.hook.cache'));
      expect(hook().status).toBe(0);
      const file = join(bundle, hookCache()!);
      const written = statSync(file).ino;
      const second = hook();
      expect(second.status).toBe(0);
      expect(second.stderr).toMatch(/no secrets in 1 staged file/);
      // rewritten (a new file renamed into place) only when V8 turned it down
      expect(statSync(file).ino).toBe(written);
      expect(readdirSync(bundle).filter((n) => n.endsWith('.cache'))).toEqual([hookCache()]);
    } finally {
      repo.cleanup();
      rmSync(install, { recursive: true, force: true });
    }
  });
});
