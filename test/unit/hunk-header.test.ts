import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hunkHeader, onlyLineMarks } from '../../src/sources/hunk-header.js';

/** The regexes the hand-written readers stand for: the spec. */
const HUNK = /^(@{2,}) (?:-[\d,]+ )+\+(\d+)(?:,(\d+))? @{2,}/;
const spec = (raw: string) => {
  const at = HUNK.exec(raw);
  return at ? { parents: at[1]!.length - 1, start: Number(at[2]) } : undefined;
};

describe('hunk headers and line marks', () => {
  it('reads every header as the regex does, also near-misses', () => {
    const piece = fc.constantFrom('@', '@@', '@@@', ' ', '-', '+', ',', '0', '1', '42', '007', 'x', '\t', ' @@', ' @@ f()', '-1,2 ', '+3,4', '+3,', '-,');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const raw = pieces.join('');
        expect(hunkHeader(raw), raw).toEqual(spec(raw));
      }),
      { numRuns: 50_000 },
    );
    for (const raw of ['@@ -1,2 +3,4 @@', '@@ -0,0 +1 @@ x', '@@@ -1,2 -3 +5,6 @@@', '@@ -1 +2, @@', '@ -1 +2 @@', '@@ +1 @@', '@@ -1 +2 @'])
      expect(hunkHeader(raw), raw).toEqual(spec(raw));
    expect(hunkHeader('@@@ -1,2 -3 +5,6 @@@')).toEqual({ parents: 2, start: 5 });
  });

  it('line marks: only +, - and space', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('+', '-', ' ', 'a', '\t', '@'), maxLength: 4 }), (prefix) => {
        expect(onlyLineMarks(prefix)).toBe(/^[+ -]*$/.test(prefix));
      }),
    );
  });
});
