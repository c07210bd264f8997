import { describe, expect, it } from 'vitest';
import { matchRule } from '../../src/detect/detect.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';

/**
 * ReDoS and cost guard: every rule runs over adversarial 1 MB single lines (its own keywords
 * followed by long runs of generic charsets and of each character class in its own regex) within
 * a fixed budget.
 */
const rules = loadBuiltinRules();
const MB = 1 << 20;
// linear rules take well under 200 ms here; catastrophic backtracking takes seconds or forever, so
// a generous budget catches it without failing on a loaded CI machine
const BUDGET_MS = 1000;

/** The characters of each (non-negated) character class in a regex source: the rule's own charsets. */
function ownCharsets(source: string): string[] {
  const sets: string[] = [];
  for (const m of source.matchAll(/\[(?!\^)((?:\\.|[^\]\\])+)\]/g)) {
    const body = m[1]!.replace(/\\d/g, '0-9').replace(/\\w/g, 'A-Za-z0-9_').replace(/\\s/g, ' ').replace(/\\(.)/g, '$1');
    let chars = '';
    for (let i = 0; i < body.length; i++) {
      if (body[i + 1] === '-' && i + 2 < body.length) {
        for (let c = body.charCodeAt(i); c <= body.charCodeAt(i + 2); c++) chars += String.fromCharCode(c);
        i += 2;
      } else chars += body[i];
    }
    if (chars && !sets.includes(chars)) sets.push(chars);
  }
  return sets.slice(0, 6);
}

function adversarial(keyword: string, own: readonly string[]): string[] {
  const runs = ['a', 'A', '0', 'aA0-_', 'aA0+/=', ' a', '=', ':', '.', '/', ...own];
  const inputs = runs.map((unit) => (keyword + unit.repeat(Math.ceil(200 / unit.length))).repeat(Math.ceil(MB / 210)).slice(0, MB));
  inputs.push((keyword + ' ').repeat(Math.ceil(MB / (keyword.length + 1))).slice(0, MB));
  return inputs;
}

describe('rule cost', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s stays within budget on 1 MB adversarial lines', (_id, rule) => {
    let worst = 0;
    for (const keyword of rule.keywords.slice(0, 2)) {
      for (const input of adversarial(keyword, ownCharsets(rule.regex.source))) {
        const started = performance.now();
        matchRule(rule, input);
        worst = Math.max(worst, performance.now() - started);
      }
    }
    expect(worst).toBeLessThan(BUDGET_MS);
  });
});
