#!/usr/bin/env node
// Writes dist/builtin-rules.json (and dist/keyword-index.bin, below): the built-in rules of patterns/*.json, validated and compiled by
// the same code as at run time (dist/patterns/, built by tsc), without their examples. The CLI
// reads it instead of patterns/ (src/patterns/prebuilt-rules.ts): one file to read, and no
// validation at each start of the hook. Run after tsc, as part of `npm run build`.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { PATTERNS_DIR, compilePatternFiles } = await import(`${dist}patterns/load-patterns.js`);
const { PREBUILT_RULES, toPrebuilt } = await import(`${dist}patterns/prebuilt-rules.js`);
const { PREBUILT_INDEX, toPrebuiltIndex } = await import(`${dist}scan/prebuilt-index.js`);
const { GENERIC_KEYWORDS } = await import(`${dist}detect/detect.js`);
// the trie goes first and comes last: a build stopped half-way leaves no trie of older rules
rmSync(PREBUILT_INDEX, { force: true });
rmSync(PREBUILT_RULES, { force: true });
const rules = compilePatternFiles(PATTERNS_DIR);
writeFileSync(PREBUILT_RULES, toPrebuilt(rules));

// dist/keyword-index.bin: the keyword trie of those rules and the generic detector's words, as
// the detector builds it from them (src/scan/prebuilt-index.ts): a hook with the default rules
// reads it instead of building it at every start
const keyed = rules.filter((r) => r.keywords.length > 0);
writeFileSync(PREBUILT_INDEX, toPrebuiltIndex(keyed.map((r) => r.id), keyed.map((r) => r.keywords), [...(GENERIC_KEYWORDS ?? [])]));
