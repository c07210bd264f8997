import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/config/validate-config.js';
import { Detector, GENERIC_KEYWORDS } from '../../src/detect/detect.js';
import { KeywordIndex } from '../../src/detect/keyword-index.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';
import { readPrebuiltIndex, toPrebuiltIndex } from '../../src/scan/prebuilt-index.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * The build's keyword trie (dist/keyword-index.bin) stands in for the one the detector builds
 * from the built-in rules: it must find the same keywords in any text, and be used only for
 * exactly those rules.
 */
const dir = mkdtempSync(join(tmpdir(), 'leakguard-prebuilt-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rules = loadBuiltinRules();
const keyed = rules.filter((r) => r.keywords.length > 0);
const generic = [...GENERIC_KEYWORDS!];
const bytes = toPrebuiltIndex(
  keyed.map((r) => r.id),
  keyed.map((r) => r.keywords),
  generic,
);
const file = join(dir, 'keyword-index.bin');
writeFileSync(file, bytes);

/** Texts near every keyword: each rule's examples, their keywords in other cases, and noise. */
function texts(): string[] {
  const out: string[] = [];
  for (const rule of rules) {
    for (const t of [...rule.examples.match, ...rule.examples.noMatch]) out.push(expandTemplate(t));
    out.push(rule.keywords.map((k) => k.toUpperCase()).join(' x'), rule.keywords.join(''));
  }
  let seed = 11;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz_-.:=ABCKPTS0123456789 "\'/ü';
  for (let n = 0; n < 2000; n++) out.push(Array.from({ length: 1 + Math.floor(random() * 80) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
  return out;
}

describe('prebuilt keyword trie', () => {
  it('reads back what was written, and finds the same keywords and ends as the trie built at run time', () => {
    const prebuilt = readPrebuiltIndex(file)!;
    expect(prebuilt.ids).toEqual(keyed.map((r) => r.id));
    expect(prebuilt.generic).toEqual(generic);
    const entries = [...keyed.map((r, i) => ({ keywords: r.keywords, value: i })), { keywords: generic, value: keyed.length }];
    const built = new KeywordIndex(entries, keyed.length);
    const read = new KeywordIndex([], keyed.length, prebuilt.trie);
    for (const text of texts()) {
      const [a, b]: number[][] = [[], []];
      expect(read.lookup(text, b).sort((x, y) => x - y), text).toEqual(built.lookup(text, a).sort((x, y) => x - y));
      expect(b, text).toEqual(a);
    }
  });

  it('gives the detector the same findings, and is set aside for rules it was not built from', () => {
    const prebuilt = readPrebuiltIndex(file)!;
    const entropy = validateConfig({}, undefined).entropy;
    const withIt = new Detector({ rules, entropy, prebuilt });
    const without = new Detector({ rules, entropy });
    // built for the rules without the first one: it must not be taken for the full list
    writeFileSync(join(dir, 'other.bin'), toPrebuiltIndex(keyed.slice(1).map((r) => r.id), keyed.slice(1).map((r) => r.keywords), generic));
    const other = new Detector({ rules, entropy, prebuilt: readPrebuiltIndex(join(dir, 'other.bin')) });
    for (const text of texts()) {
      const fragment = { type: 'fragment' as const, file: 'config.yml', startLine: 1, text };
      const expected = without.detect(fragment).map((c) => `${c.ruleId}@${c.line}:${c.column}`);
      expect(withIt.detect(fragment).map((c) => `${c.ruleId}@${c.line}:${c.column}`), text).toEqual(expected);
      expect(other.detect(fragment).map((c) => `${c.ruleId}@${c.line}:${c.column}`), text).toEqual(expected);
    }
  });

  it('is no trie when the file is missing, cut short or not one', () => {
    expect(readPrebuiltIndex(join(dir, 'none.bin'))).toBeUndefined();
    writeFileSync(join(dir, 'short.bin'), bytes.subarray(0, bytes.length - 7));
    expect(readPrebuiltIndex(join(dir, 'short.bin'))).toBeUndefined();
    writeFileSync(join(dir, 'junk.bin'), Buffer.from('not a trie at all, just some bytes'));
    expect(readPrebuiltIndex(join(dir, 'junk.bin'))).toBeUndefined();
    // the same bytes with two lists' lengths swapped in the header: every list misplaced
    const mixed = Buffer.from(bytes);
    const head = new Int32Array(mixed.buffer, mixed.byteOffset, 10);
    [head[4], head[7]] = [head[7]!, head[4]!];
    writeFileSync(join(dir, 'mixed.bin'), mixed);
    expect(readPrebuiltIndex(join(dir, 'mixed.bin'))).toBeUndefined();
  });

  it('is absent or the same as the rules make it (npm run build writes it)', () => {
    const built = new URL('../../dist/keyword-index.bin', import.meta.url);
    if (!existsSync(built)) return;
    expect(readFileSync(built).equals(bytes)).toBe(true);
  });
});
