#!/usr/bin/env node
// Bundles the CLI (dist/cli/run.js, built by tsc) into one CommonJS file, dist/bundle/cli.cjs,
// which bin/leakguard.js (CommonJS too) requires. Measured with bench/hook.mjs, this takes
// module loading off the hook's start-up: one file to read and compile, and no ES module
// loader at all (an ES module entry costs node ~10 ms before the first line runs; an ES module
// import of node:fs also loads its stream classes). The rarely used parts (history, install,
// fix, reporters other than text) stay in the file as functions that run only when their
// dynamic import() is reached. bin/leakguard.js falls back to dist/cli/run.js when the bundle is
// missing, so an install where esbuild cannot run (no binary for the platform) still works,
// only without the bundle: this script then warns and exits 0.
// dist/bundle/ sits at the same depth as dist/cli/, so import.meta.url-relative paths
// (../../patterns/, ../../package.json) resolve the same; import.meta.url is the file's URL.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outfile: `${outdir}/cli.cjs`,
  // import() of a package or a node module becomes require(): no ES module loader, ever
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__leakguard_url' },
  banner: { js: 'const __leakguard_url = require("node:url").pathToFileURL(__filename).href;' },
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
});
// The build's id on the first line: bin/leakguard.js names V8's code cache of the bundle after
// it, so a cache is never used with another build's code (npm gives every packed file the same
// modification time, and two builds can have the same size).
const bundle = readFileSync(`${outdir}/cli.cjs`, 'utf8');
const id = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
writeFileSync(`${outdir}/cli.cjs`, `// leakguard-build ${id}\n${bundle}`);
