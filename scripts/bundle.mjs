#!/usr/bin/env node
// Bundles the CLI (dist/cli/bin-main.js, built by tsc) into one CommonJS file, dist/bundle/cli.cjs,
// which bin/leakguard.js (CommonJS too) requires. Measured with bench/hook.mjs, this takes
// module loading off the hook's start-up: one file to read and compile, and no ES module
// loader at all (an ES module entry costs node ~10 ms before the first line runs; an ES module
// import of node:fs also loads its stream classes). The rarely used parts (history, install,
// fix, reporters other than text) stay in the file as functions that run only when their
// dynamic import() is reached. bin/leakguard.js falls back to dist/cli/bin-main.js when the bundle is
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
// node:module is the shim beside this script (its header says why)
const nodeModuleShim = {
  name: 'node-module-shim',
  setup(build) {
    build.onResolve({ filter: /^node:module$/ }, () => ({ path: fileURLToPath(new URL('./bundle-node-module.mjs', import.meta.url)) }));
  },
};
for (const [entry, name] of [['cli/bin-main.js', 'cli.cjs']]) {
  await esbuild.build({
    entryPoints: [`${root}dist/${entry}`],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: `${outdir}/${name}`,
    // import() of a package or a node module becomes require(): no ES module loader, ever
    supported: { 'dynamic-import': false },
    // the file's URL is made when first asked for: a URL costs node's URL code its first compile
    define: { 'import.meta.url': '__leakguard.url', 'import.meta.dirname': '__dirname' },
    banner: { js: 'const __leakguard = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
    plugins: [nodeModuleShim],
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
  // The build's id on the first line: bin/leakguard.js names V8's code cache of the bundle after
  // it, so a cache is never used with another build's code (npm gives every packed file the same
  // modification time, and two builds can have the same size).
  const bundle = readFileSync(`${outdir}/${name}`, 'utf8');
  // The bin reads the bundle as latin1, which V8 keeps as a one-byte string: decoding 290 KB of
  // UTF-8 cost ~9 M instructions of the hook (callgrind), and a single non-ASCII character makes
  // the whole source a two-byte string that the parser reads slower. So the bundle is ASCII only
  // (esbuild escapes strings; a regex literal keeps its characters, so write \u escapes there).
  const wide = /[^\x00-\x7f]/.exec(bundle);
  if (wide) {
    const line = bundle.slice(0, wide.index).split('\n').length;
    process.stderr.write(`leakguard build: ${name} holds the non-ASCII character U+${wide[0].codePointAt(0).toString(16).toUpperCase().padStart(4, '0')} at line ${line} (${JSON.stringify(bundle.slice(Math.max(0, wide.index - 40), wide.index + 10))}); write it as a \\u escape in the source and build again.\n`);
    process.exit(1);
  }
  const id = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
  // The file is the function the bin calls (CommonJS's own wrapper, written out): the bin compiles
  // it as it is, where wrapping it at run time made a second 290 KB copy of the source, a young
  // string for the hook's first collection. Strict mode is its first statement: esbuild's own
  // "use strict" comes after the banner, where it is no directive.
  // The second line: the staged source's git command and environment, which the bin starts
  // before it compiles the bundle (bin/leakguard.js, prefetchStaged; src/sources/prefetch.ts)
  const { SAFE_CONFIG, GIT_ENV } = await import(`${root}dist/sources/git.js`);
  const { stagedDiffArgs } = await import(`${root}dist/sources/staged.js`);
  const staged = JSON.stringify({ args: [...SAFE_CONFIG, ...stagedDiffArgs([])], unset: GIT_ENV.unset, set: GIT_ENV.set });
  writeFileSync(`${outdir}/${name}`, `// leakguard-build ${id}\n// leakguard-staged ${staged}\n(function (exports, require, module, __filename, __dirname) {'use strict';${bundle}\n})\n`);
}
