import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addedRuns } from '../../src/sources/binary-text.js';
import { params } from './budget.js';

/**
 * The line comparison used for files git calls binary (read from the index or a commit, compared
 * with the previous version): every reported line is the line at that number in the new text, and
 * exactly the lines the old text cannot account for (as a multiset) are reported.
 */
const line = fc.constantFrom('a', 'b', 'c', '', 'token = x', 'a\r', ' ');
const text = fc.array(line, { maxLength: 12 }).map((ls) => ls.join('\n'));

/** Lines as git counts them: a final newline ends the last line, it does not start another. */
function linesOf(t: string): string[] {
  if (!t) return [];
  return (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n').map((l) => l.replace(/\r$/, ''));
}

describe('added-line comparison for text git calls binary', () => {
  it('reports the new text\'s unmatched lines, at their line numbers', () => {
    fc.assert(
      fc.property(text, text, fc.boolean(), (before, after, newline) => {
        const target = newline && after ? `${after}\n` : after;
        const lines = linesOf(target);
        let reported = 0;
        for (const item of addedRuns('f', target, before)) {
          if (item.type !== 'fragment') continue;
          item.text.split('\n').forEach((l, i) => expect(lines[item.startLine - 1 + i]).toBe(l));
          reported += item.text.split('\n').length;
        }
        const old = new Map<string, number>();
        for (const l of linesOf(before)) old.set(l, (old.get(l) ?? 0) + 1);
        let unmatched = 0;
        for (const l of lines) {
          const n = old.get(l) ?? 0;
          if (n > 0) old.set(l, n - 1);
          else unmatched++;
        }
        expect(reported).toBe(unmatched);
      }),
      params(500, 10),
    );
  });
});
