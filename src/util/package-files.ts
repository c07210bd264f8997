import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * leakguard's own files, found from this module's folder: dist/util/ when built, dist/bundle/ in
 * the bundle (one level below dist/ too), src/util/ in a checkout's tests. The bundle defines
 * import.meta.dirname (scripts/bundle.mjs), so no file URL is made: a URL costs node's URL code
 * its first compile in every hook run. Node before 20.11 has no import.meta.dirname.
 */
const DIST = join(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)), '..');

/** The rule files (patterns/*.json) at the package's top. */
export const PATTERNS_DIR = join(DIST, '../patterns/');
/** The built-in rules as the build wrote them (patterns/prebuilt-rules.ts); none in src/. */
export const PREBUILT_RULES = join(DIST, 'builtin-rules.json');
/** The keyword trie of the built-in rules (scan/prebuilt-index.ts); none in src/. */
export const PREBUILT_INDEX = join(DIST, 'keyword-index.bin');
