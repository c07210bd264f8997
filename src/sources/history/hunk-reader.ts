import type { RawText } from './raw-text.js';

/** What a hunk body line is checked against before it is kept: the file's size limit. */
export interface AddedLineBudget {
  /** false: the file went over its limit, stop reading it. */
  countAdded(length: number, startsWithPlusPlusPlus: boolean): boolean;
}

const PLUS = 43;
const MINUS = 45;
const SPACE = 32;
const BACKSLASH = 92;
const AT = 64;

const isDigitOrComma = (c: number): boolean => (c >= 48 && c <= 57) || c === 44;

/**
 * Reads the body lines of `git log -p -U0` hunks where they are, in the chunk of git output,
 * the way DiffParser reads them (sources/parse-diff.ts): a line whose first `parents` characters
 * are all '+' is added relative to every parent and kept; one with a ' ' (context, or added
 * relative to some parents only) ends the run of kept lines and takes a line number; one with a
 * '-' is removed; "\ No newline" is ignored. Any other line is not a body line: the caller hands
 * it to the DiffParser. Runs of consecutive added lines are emitted with their first line number.
 */
export class HunkReader {
  /** Inside a hunk: body lines are read here. */
  active = false;
  private parents = 1;
  private nextLine = 0;
  private lines: string[] = [];
  private firstLine = 0;
  private readonly emit: (startLine: number, lines: string[]) => void;

  constructor(emit: (startLine: number, lines: string[]) => void) {
    this.emit = emit;
  }

  /** A hunk header the DiffParser has just read: its parent count (2 for @@@) and first new line. */
  start(parents: number, firstLine: number): void {
    this.flush();
    this.parents = parents;
    this.nextLine = firstLine;
    this.active = true;
  }

  /** Read text[start, end) as a body line; false when it is not one (the caller parses it). */
  body(raw: RawText, start: number, end: number, budget: AddedLineBudget): boolean {
    const text = raw.text;
    const parents = this.parents;
    const c0 = text.charCodeAt(start);
    if (c0 === BACKSLASH) return true;
    if (end - start < parents || (c0 === AT && text.charCodeAt(start + 1) === AT)) return false;
    let plus = 0;
    let minus = false;
    for (let i = start; i < start + parents; i++) {
      const c = text.charCodeAt(i);
      if (c === PLUS) plus++;
      else if (c === MINUS) minus = true;
      else if (c !== SPACE) return false;
    }
    if (c0 === PLUS || (c0 === SPACE && text.charCodeAt(start + 1) === PLUS)) {
      const plusPlusPlus = c0 === PLUS && text.startsWith('++ ', start + 1);
      if (!budget.countAdded(end - start, plusPlusPlus)) return true;
    }
    if (plus === parents) {
      if (this.lines.length === 0) this.firstLine = this.nextLine;
      else if (this.firstLine + this.lines.length !== this.nextLine) {
        this.flush();
        this.firstLine = this.nextLine;
      }
      const stop = end > start + parents && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.lines.push(raw.slice(start + parents, stop));
      this.nextLine++;
    } else if (!minus) {
      this.flush();
      this.nextLine++;
    }
    return true;
  }

  /** The hunk ended (a header line follows): emit its last run of added lines. */
  end(): void {
    this.flush();
    this.active = false;
  }

  /** The file is being skipped: drop the pending lines. */
  discard(): void {
    this.lines = [];
    this.active = false;
  }

  /**
   * Read text[start, end) as the header of the file's next hunk, "@@ -a,b +c,d @@" (one parent
   * only: a merge's headers go to the DiffParser), and start that hunk; false when it is not one.
   * A file's later hunks are most of the headers in a history (190 000 on eslint), and each one
   * parsed by the DiffParser cost a regex match and its arrays.
   */
  nextHunk(text: string, start: number, end: number): boolean {
    if (this.parents !== 1 || !text.startsWith('@@ -', start)) return false;
    let i = start + 4;
    while (i < end && isDigitOrComma(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== SPACE || text.charCodeAt(i + 1) !== PLUS) return false;
    i += 2;
    let first = 0;
    const digits = i;
    for (let c = text.charCodeAt(i); c >= 48 && c <= 57; c = text.charCodeAt(++i)) first = first * 10 + (c - 48);
    if (i === digits || i - digits > 15) return false;
    if (text.charCodeAt(i) === 44) for (i++; i < end && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57; ) i++;
    if (!text.startsWith(' @@', i) || text.charCodeAt(i + 3) === AT) return false;
    this.start(1, first);
    return true;
  }

  private flush(): void {
    if (this.lines.length === 0) return;
    this.emit(this.firstLine, this.lines);
    this.lines = [];
  }
}
