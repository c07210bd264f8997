// node:module as the bundle sees it (scripts/bundle.mjs): createRequire gives the bundle's own
// require, the one the bin passes in (bin/leakguard.js). Loading node:module itself loads node's
// ES module loader too (esm/loader, esm/assert, source maps), and a file URL with
// createRequire's use: code every hook run compiled and ran for nothing. The bundle loads only
// node's built-ins and its dependencies, which resolve the same from bin/ as from dist/bundle/.
export const createRequire = () => require;
