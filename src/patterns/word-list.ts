import { readFileSync } from 'node:fs';
import { PatternError } from '../errors.js';
import { PATTERNS_DIR } from '../util/package-files.js';

/** The dictionary of the word-likeness check (detect/heuristics/words.ts), data beside the rules. */
export const WORD_LIST = `${PATTERNS_DIR}common-english-words.txt`;

/**
 * The word list's words, space-separated (its `#` lines are comments), read when first asked
 * for: kept in the bundle as a string, its 75 KB were a quarter of what every hook run read,
 * cached and deserialized, for a check that most hook runs never reach.
 */
export function commonEnglishWords(file = WORD_LIST): string {
  let text: string;
  try {
    text = readFileSync(file, 'latin1');
  } catch (error) {
    throw new PatternError(`The word list ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); reinstall leakguard.`);
  }
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .join(' ');
}
