import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PATTERNS_DIR, compilePatternFiles } from '../../src/patterns/load-patterns.js';
import { readPrebuiltRules, toPrebuilt } from '../../src/patterns/prebuilt-rules.js';
import type { CompiledRule } from '../../src/patterns/types.js';

/** Every field of a rule, regexes as source and flags. */
const view = (r: CompiledRule) => ({
  id: r.id,
  description: r.description,
  provider: r.provider,
  category: r.category,
  regex: [r.regex.source, r.regex.flags],
  keywords: r.keywords,
  requires: r.requires && [r.requires.source, r.requires.flags],
  secretGroup: r.secretGroup,
  entropy: r.entropy,
  validate: r.validate,
  allow: r.allow.map((a) => [a.source, a.flags]),
  allowHashes: [...r.allowHashes].sort(),
  envVar: r.envVar,
  revokeUrl: r.revokeUrl,
  strict: r.strict,
  origin: r.origin,
  examples: r.examples,
});

const dir = mkdtempSync(join(tmpdir(), 'leakguard-prebuilt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('prebuilt built-in rules (dist/builtin-rules.json)', () => {
  const compiled = compilePatternFiles(PATTERNS_DIR);

  it('reads back every rule as patterns/*.json compiles it, examples included', () => {
    const file = join(dir, 'rules.json');
    const text = toPrebuilt(compiled);
    // read as latin1: any other character is a JSON escape (some descriptions have them)
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(compiled.some((r) => /[^\x00-\x7f]/.test(JSON.stringify(view(r))))).toBe(true);
    writeFileSync(file, text);
    const prebuilt = readPrebuiltRules(file, PATTERNS_DIR)!;
    expect(prebuilt.map(view)).toEqual(compiled.map(view));
  });

  it('is absent or the same as patterns/*.json (npm run build writes it)', () => {
    const built = new URL('../../dist/builtin-rules.json', import.meta.url);
    if (!existsSync(built)) return;
    expect(readFileSync(built, 'utf8')).toBe(toPrebuilt(compiled));
  });

  it('is no rules when the file is missing, so the loader compiles patterns/ instead', () => {
    expect(readPrebuiltRules(join(dir, 'none.json'), PATTERNS_DIR)).toBeUndefined();
  });
});
