import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENERIC_PREFILTER } from '../../src/detect/generic.js';
import { isWord, literalAlternatives } from '../../src/detect/literal-words.js';

describe('literal alternatives (the generic keywords in the keyword index)', () => {
  it('lists the words of a case-insensitive alternation, a trailing (?![a-z]) dropped', () => {
    expect(literalAlternatives(/pass|pw(?![a-z])|key/i)).toEqual(['pass', 'pw', 'key']);
    expect(literalAlternatives(/pass|key/gi)).toEqual(['pass', 'key']);
    expect(literalAlternatives(/pass|key/)).toBeUndefined();
    expect(literalAlternatives(/pass|ke.y/i)).toBeUndefined();
    expect(literalAlternatives(/pass||key/i)).toBeUndefined();
    expect(literalAlternatives(GENERIC_PREFILTER)).toContain('secret');
  });

  it('isWord is /^\\w+$/', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', '_', '-', '(', 'é', ' ', '`', '{', '@', '[', '/', ':'), maxLength: 5 }), (w) => {
        expect(isWord(w), w).toBe(/^\w+$/.test(w));
      }),
      { numRuns: 5000 },
    );
  });
});
