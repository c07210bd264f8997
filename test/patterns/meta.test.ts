import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileRule } from '../../src/patterns/compile-rule.js';
import { PATTERNS_DIR, loadBuiltinRules } from '../../src/patterns/load-patterns.js';
import { matchRule } from '../../src/detect/match-rule.js';
import { countGroups, findNestedQuantifier, findUnboundedQuantifier } from '../../src/patterns/regex-safety.js';

/** Every pattern file is well formed, every rule complete, bounded and safe. */
const files = readdirSync(PATTERNS_DIR).filter((n) => n.endsWith('.json') && n !== 'schema.json');
const raw = files.flatMap((name) => (JSON.parse(readFileSync(PATTERNS_DIR + name, 'utf8')) as { rules: Array<Record<string, unknown>> }).rules.map((r) => [name, r] as const));

const schema = JSON.parse(readFileSync(`${PATTERNS_DIR}schema.json`, 'utf8')) as {
  properties: Record<string, unknown> & { rules: { items: { required: string[]; properties: Record<string, { enum?: string[]; pattern?: string }> } } };
  required: string[];
};

describe('pattern files', () => {
  it.each(files)('%s follows patterns/schema.json', (name) => {
    const doc = JSON.parse(readFileSync(PATTERNS_DIR + name, 'utf8')) as Record<string, unknown> & { rules: Array<Record<string, unknown>> };
    for (const key of schema.required) expect(doc, key).toHaveProperty(key);
    for (const key of Object.keys(doc)) expect(Object.keys(schema.properties), `${name}: ${key}`).toContain(key);
    const ruleSchema = schema.properties.rules.items;
    for (const rule of doc.rules) {
      for (const key of ruleSchema.required) expect(rule, `${String(rule.id)}.${key}`).toHaveProperty(key);
      for (const [key, value] of Object.entries(rule)) {
        const spec = ruleSchema.properties[key];
        expect(spec, `${String(rule.id)}: unknown field ${key}`).toBeDefined();
        if (spec?.enum) expect(spec.enum).toContain(value);
        if (spec?.pattern && typeof value === 'string') expect(value).toMatch(new RegExp(spec.pattern));
      }
    }
  });

  it('hold at least 200 rules with unique kebab-case ids', () => {
    const rules = loadBuiltinRules();
    expect(rules.length).toBeGreaterThanOrEqual(200);
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });

  it.each(raw.map(([file, r]) => [String(r.id), file, r] as const))('%s (%s) is complete, bounded and safe', (_id, file, rule) => {
    const compiled = compileRule(rule, { origin: file, builtin: true, checkBounded: true });
    expect(findNestedQuantifier(String(rule.regex))).toBeUndefined();
    if (rule.requires !== undefined) {
      expect(findNestedQuantifier(String(rule.requires))).toBeUndefined();
      expect(findUnboundedQuantifier(String(rule.requires))).toBeUndefined();
    }
    expect(compiled.description.length).toBeGreaterThan(5);
    expect(compiled.envVar).toMatch(/^[A-Z][A-Z0-9_]+$/);
    expect(compiled.keywords.length).toBeGreaterThan(0);
    expect(rule.provider).toBeTypeOf('string');
    expect(rule.revokeUrl).toMatch(/^https:\/\//);
    // the group count agrees with the regex engine's own
    expect(countGroups(String(rule.regex))).toBe(new RegExp(`${String(rule.regex)}|`, String(rule.flags ?? '')).exec('')!.length - 1);
  });

  it('runs a rule only on texts its requires matches, and says which field is broken', () => {
    const rule = (requires: string) => compileRule({ id: 'acme-token', regex: 'acme_[a-z]{8}', keywords: ['acme_'], requires }, { origin: '.leakguardrc', builtin: false });
    const text = 'const t = "acme_qwertyui";';
    expect(matchRule(rule('acme_'), text).map((h) => h.secret)).toEqual(['acme_qwertyui']);
    // a requires the text lacks: the rule's regex is not run at all
    expect(matchRule(rule('acme_[0-9]'), text)).toEqual([]);
    expect(() => rule('acme_(')).toThrow(/"requires": expected a regex that compiles/);
    expect(() => rule('(a+)+b')).toThrow(/"requires": expected a regex without nested repetition/);
  });
});
