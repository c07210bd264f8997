import type { Language } from '../util/file-type.js';
import { GENERIC_PREFILTER, detectGenericLine, type EntropySettings, type GenericHit } from './generic.js';
import type { LineMap } from './location.js';

/** GENERIC_PREFILTER, to find every keyword in a text in one pass. */
let everyKeyword: RegExp | undefined;

/**
 * The generic detector over a fragment, line by line, with each line's previous line as context.
 * A line is read only when it or the line before it holds a GENERIC_PREFILTER keyword: the
 * detector finds nothing in text without one (the contract the fragment-level prefilter relies
 * on), so the other lines cannot yield anything. One regex pass finds the keyword lines.
 */
export function genericHits(
  text: string,
  map: LineMap,
  language: Language,
  file: string,
  settings: EntropySettings,
  keywordEnds: readonly number[] | undefined,
  emit: (hit: GenericHit, lineIndex: number, line: string) => void,
): void {
  if (keywordEnds) return hitsAtKeywords(keywordEnds, map, language, file, settings, emit);
  everyKeyword ??= new RegExp(GENERIC_PREFILTER.source, GENERIC_PREFILTER.flags.replace(/[gy]/g, '') + 'g');
  const re = everyKeyword;
  re.lastIndex = 0;
  let next = 0; // the first line index not read yet
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const first = Math.max(next, map.lineIndex(m.index));
    // the keyword's lines, and the line after them (which has them as its previous line)
    const last = Math.min(map.lineCount - 1, map.lineIndex(m.index + Math.max(0, m[0].length - 1)) + 1);
    for (let i = first; i <= last; i++) {
      const line = map.lineText(i)!;
      for (const hit of detectGenericLine(line, language, file, settings, map.lineText(i - 1))) emit(hit, i, line);
    }
    next = Math.max(next, last + 1);
    if (next >= map.lineCount) break;
    // go on from the start of the last line read: a keyword there makes the line after it count
    re.lastIndex = Math.max(re.lastIndex, map.lineStart(next - 1));
    if (m[0].length === 0) re.lastIndex++;
  }
}

/**
 * The same lines, from where the keyword pass found GENERIC_PREFILTER's words end (detect.ts):
 * no second pass over the text. The pass finds `pw` also where the prefilter's lookahead turns it
 * down (pwa), so a line is a keyword line when the prefilter says so; each keyword line is read
 * with the line after it, each line once, in order.
 */
function hitsAtKeywords(ends: readonly number[], map: LineMap, language: Language, file: string, settings: EntropySettings, emit: (hit: GenericHit, lineIndex: number, line: string) => void): void {
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
