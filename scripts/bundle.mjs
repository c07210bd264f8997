#!/usr/bin/env node
// Bundles the CLI (dist/cli/run.js, built by tsc) into dist/bundle/: the modules the hook needs
// in one file, with each rarely used part (history, install, reporters other than text) in a
// chunk of its own, loaded on demand. Measured with bench/hook.mjs, this takes module loading
// off the hook's start-up. bin/leakguard.js loads dist/bundle/run.js and falls back to
// dist/cli/run.js, so an install where esbuild cannot run (no binary for the platform) still
// works, only without the bundle: this script then warns and exits 0.
// dist/bundle/ sits at the same depth as dist/cli/, so import.meta.url-relative paths
// (../../patterns/, ../../package.json) resolve the same.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const outdir = `${root}dist/bundle`;
rmSync(outdir, { recursive: true, force: true });
let esbuild;
try {
  esbuild = await import('esbuild');
} catch (error) {
  process.stderr.write(`leakguard build: esbuild is not available (${error.message}); the CLI runs from dist/cli/ unbundled.\n`);
  process.exit(0);
}
await esbuild.build({
  entryPoints: [`${root}dist/cli/run.js`],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outdir,
  logLevel: 'warning',
});
