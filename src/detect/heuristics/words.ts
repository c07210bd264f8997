import { COMMON_ENGLISH_WORDS } from './word-list.js';

/**
 * Word-likeness, measured against a dictionary instead of guessed from letter pairs: the share of
 * a value's letters that a segmentation into common English words (and a few software terms)
 * covers. `change-me-please-now` and `SuperSecretPassword` are fully covered; random values
 * are not, because common words of three letters and more rarely sit back to back by chance.
 * The dictionary (about 9,600 words) is split into a set on first use, so a scan that never
 * reaches this check does not pay for it.
 */

/** Two-letter words and software terms the frequency list lacks or drops. */
const EXTRA_WORDS =
  'me my we us be do go no so up on in at to of is it an or if am ok id db ' +
  'api app env dev prod stage staging qa uat auth admin config conf cfg pwd pass passwd sql mysql postgres redis mongo ' +
  'arn iam role oauth token secret jwt http https www localhost docker kube cluster node npm repo git hub lab ci cd aws gcp azure';

let dictionary: Set<string> | undefined;
function words(): Set<string> {
  dictionary ??= new Set(`${COMMON_ENGLISH_WORDS} ${EXTRA_WORDS}`.split(' '));
  return dictionary;
}

export interface WordCover {
  /** Letters in the value. */
  letters: number;
  /** Letters covered by dictionary words. */
  covered: number;
  /** Dictionary words used. */
  words: number;
}

/** Letters of one run covered by its best segmentation into dictionary words, and how many words it took. */
function coverRun(run: string, dict: Set<string>): { covered: number; words: number } {
  // best[i]: most letters of run[0, i) covered, fewest words breaking ties
  const best: Array<{ covered: number; words: number }> = [{ covered: 0, words: 0 }];
  for (let i = 1; i <= run.length; i++) {
    let pick = { covered: best[i - 1]!.covered, words: best[i - 1]!.words };
    for (let j = Math.max(0, i - 20); j <= i - 2; j++) {
      if (!dict.has(run.slice(j, i))) continue;
      const from = best[j]!;
      const cand = { covered: from.covered + (i - j), words: from.words + 1 };
      if (cand.covered > pick.covered || (cand.covered === pick.covered && cand.words < pick.words)) pick = cand;
    }
    best.push(pick);
  }
  return best[run.length]!;
}

/** How much of a value common words cover; letter runs are split at case changes (camelCase). */
export function wordCover(value: string): WordCover {
  const dict = words();
  const runs = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  const out: WordCover = { letters: 0, covered: 0, words: 0 };
  for (const run of runs) {
    const r = coverRun(run.toLowerCase(), dict);
    out.letters += run.length;
    out.covered += r.covered;
    out.words += r.words;
  }
  return out;
}

/** Whether a value reads as words: nearly all its letters in common words, averaging 3.5 letters or more. */
export function isWordLike(value: string, minShare = 0.85): boolean {
  const c = wordCover(value);
  if (c.letters < 6 || c.words === 0) return false;
  return c.covered / c.letters >= minShare && c.covered / c.words >= 3.5;
}
