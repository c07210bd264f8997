import type { Language } from '../util/file-type.js';
import { GENERIC_PREFILTER, detectGenericLine, type EntropySettings, type GenericHit } from './generic.js';
import type { LineMap } from './location.js';

/** GENERIC_PREFILTER, to find every keyword in a text in one pass. */
let everyKeyword: RegExp | undefined;

/**
 * Where GENERIC_PREFILTER's matches in `text` end (the offset of each one's last character), by
 * regex: for when its words are not in the keyword pass (detect.ts), which finds them otherwise.
 */
export function keywordEnds(text: string): number[] {
  everyKeyword ??= new RegExp(GENERIC_PREFILTER.source, GENERIC_PREFILTER.flags.replace(/[gy]/g, '') + 'g');
  const re = everyKeyword;
  const ends: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    ends.push(m.index + Math.max(0, m[0].length - 1));
    if (m[0].length === 0) re.lastIndex++;
  }
  return ends;
}

/**
 * The generic detector over a fragment, line by line, with each line's previous line as context.
 * A line is read only when it or the line before it holds a GENERIC_PREFILTER keyword: the
 * detector finds nothing in text without one (the contract the fragment-level prefilter relies
 * on), so the other lines cannot yield anything. The keyword lines come from `ends`, where the
 * keyword pass saw GENERIC_PREFILTER's words end: no second pass over the text. That pass also
 * finds `pw` where the prefilter's lookahead turns it down (pwa), so a line is a keyword line
 * when the prefilter says so. Each keyword line is read with the line after it, each line once,
 * in order.
 */
export function genericHits(
  ends: readonly number[],
  map: LineMap,
  language: Language,
  file: string,
  settings: EntropySettings,
  emit: (hit: GenericHit, lineIndex: number, line: string) => void,
): void {
  let next = 0; // the first line index not read yet
  let checked = -1; // the last line tested for a keyword
  for (const end of ends) {
    const index = map.lineIndex(end);
    if (index <= checked) continue;
    checked = index;
    if (index + 1 < next || !GENERIC_PREFILTER.test(map.lineText(index)!)) continue;
    const last = Math.min(map.lineCount - 1, index + 1);
    for (let i = Math.max(next, index); i <= last; i++) {
      const line = map.lineText(i)!;
      for (const hit of detectGenericLine(line, language, file, settings, map.lineText(i - 1))) emit(hit, i, line);
    }
    next = last + 1;
  }
}
