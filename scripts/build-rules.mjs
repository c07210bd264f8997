#!/usr/bin/env node
// Writes dist/builtin-rules.json: the built-in rules of patterns/*.json, validated and compiled by
// the same code as at run time (dist/patterns/, built by tsc), without their examples. The CLI
// reads it instead of patterns/ (src/patterns/prebuilt-rules.ts): one file to read, and no
// validation at each start of the hook. Run after tsc, as part of `npm run build`.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { PATTERNS_DIR, compilePatternFiles } = await import(`${dist}patterns/load-patterns.js`);
const { PREBUILT_RULES, toPrebuilt } = await import(`${dist}patterns/prebuilt-rules.js`);
rmSync(PREBUILT_RULES, { force: true });
writeFileSync(PREBUILT_RULES, toPrebuilt(compilePatternFiles(PATTERNS_DIR)));
