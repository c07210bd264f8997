import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const BUNDLE_DIR = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));

/** The bin compiles the bundle from V8's code cache, kept beside it per build and V8 version. */
describe.skipIf(!existsSync(`${BUNDLE_DIR}cli.cjs`))('code cache of the bundled CLI', () => {
  const build = /^\/\/ leakguard-build (\w+)/.exec(readFileSync(`${BUNDLE_DIR}cli.cjs`, 'utf8'))?.[1];
  const cache = () => readdirSync(BUNDLE_DIR).find((n) => n.startsWith(`cli.cjs.${build}-${process.versions.v8}`) && n.endsWith('.cache'));

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
});
