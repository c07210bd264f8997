import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PatternError } from '../../src/errors.js';
import { commonEnglishWords, WORD_LIST } from '../../src/patterns/word-list.js';
import { wordCover } from '../../src/detect/heuristics.js';

const dir = mkdtempSync(join(tmpdir(), 'leakguard-words-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the word list (patterns/common-english-words.txt)', () => {
  it('ships about 9,600 lower-case words, most frequent first, with a generated-by header', () => {
    const words = commonEnglishWords().split(' ');
    expect(words.length).toBeGreaterThan(9_000);
    expect(words.slice(0, 3)).toEqual(['the', 'and', 'for']);
    expect(words.every((w) => /^[a-z]{3,20}$/.test(w))).toBe(true);
    expect(WORD_LIST).toMatch(/patterns[\\/]common-english-words\.txt$/);
  });

  it('leaves out the # lines and joins the others', () => {
    const file = join(dir, 'words.txt');
    writeFileSync(file, '# a comment\nalpha beta\n# another\ngamma\n');
    expect(commonEnglishWords(file)).toBe('alpha beta gamma');
  });

  it('a missing list is a PatternError that says to reinstall, not a silently weaker check', () => {
    const missing = join(dir, 'gone.txt');
    expect(() => commonEnglishWords(missing)).toThrow(PatternError);
    expect(() => commonEnglishWords(missing)).toThrow(/gone\.txt cannot be read \(ENOENT\); reinstall leakguard\./);
  });

  it('is what word-likeness measures against', () => {
    expect(wordCover('change-me-please-now')).toMatchObject({ letters: 17, covered: 17 });
    expect(wordCover('qzxvbnmw').covered).toBe(0);
  });
});
