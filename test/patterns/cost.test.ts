import { describe, expect, it } from 'vitest';
import { matchRule } from '../../src/detect/detect.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';

/**
 * ReDoS and cost guard: every rule runs over adversarial 1 MB single lines (its own keywords
 * followed by long runs of its charset, and runs of near-misses) within a fixed budget.
 */
const rules = loadBuiltinRules();
const MB = 1 << 20;
const BUDGET_MS = 400;

function adversarial(keyword: string): string[] {
  const runs = ['a', 'A', '0', 'aA0-_', 'aA0+/=', ' a', '=', ':', '.', '/'];
  const inputs = runs.map((unit) => (keyword + unit.repeat(Math.ceil(200 / unit.length))).repeat(Math.ceil(MB / 210)).slice(0, MB));
  inputs.push((keyword + ' ').repeat(Math.ceil(MB / (keyword.length + 1))).slice(0, MB));
  return inputs;
}

describe('rule cost', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s stays within budget on 1 MB adversarial lines', (_id, rule) => {
    let worst = 0;
    for (const keyword of rule.keywords.slice(0, 2)) {
      for (const input of adversarial(keyword)) {
        const started = performance.now();
        matchRule(rule, input);
        worst = Math.max(worst, performance.now() - started);
      }
    }
    expect(worst).toBeLessThan(BUDGET_MS);
  });
});
