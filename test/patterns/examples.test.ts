import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detect.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * Every built-in rule proves itself: each `examples.match` template, expanded into fresh random
 * values several times, is found by that rule through the whole detector; each `noMatch` is not.
 */
const rules = loadBuiltinRules();
const detector = new Detector({ rules, entropy: undefined });
const RUNS = 5;

function ruleIdsFor(text: string, file: string): string[] {
  return detector.detect({ type: 'fragment', file, startLine: 1, text }).map((c) => c.ruleId);
}

describe.each(rules.map((r) => [r.id, r] as const))('rule %s', (_id, rule) => {
  it('has at least one matching and one non-matching example', () => {
    expect(rule.examples.match.length).toBeGreaterThan(0);
    expect(rule.examples.noMatch.length).toBeGreaterThan(0);
  });

  it.each(rule.examples.match.map((t) => [t]))('finds %s', (template) => {
    for (let run = 0; run < RUNS; run++) {
      const text = expandTemplate(template);
      expect(ruleIdsFor(text, 'example.txt'), text).toContain(rule.id);
    }
  });

  // requires only ever skips texts that hold no match: the rule's regex alone is the oracle
  if (rule.requires) it('requires what each of its matches holds', () => {
    for (const template of rule.examples.match) {
      for (let run = 0; run < RUNS; run++) {
        const text = expandTemplate(template);
        expect(new RegExp(rule.regex.source, rule.regex.flags).test(text), text).toBe(true);
        expect(rule.requires!.test(text), text).toBe(true);
      }
    }
  });

  it.each(rule.examples.noMatch.map((t) => [t]))('does not find %s', (template) => {
    for (let run = 0; run < RUNS; run++) {
      const text = expandTemplate(template);
      expect(ruleIdsFor(text, 'example.txt'), text).not.toContain(rule.id);
    }
  });
});
