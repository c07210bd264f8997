/**
 * Maps offsets in a fragment's text to 1-based lines and columns of the file. The line starts
 * are found on first use: most fragments of a history scan yield nothing and never need them.
 */
export class LineMap {
  private found: number[] | undefined;
  private readonly text: string;
  private readonly firstLine: number;

  constructor(text: string, firstLine: number) {
    this.text = text;
    this.firstLine = firstLine;
  }

  private get starts(): number[] {
    if (this.found) return this.found;
    const starts = [0];
    const text = this.text;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.found = starts;
    return starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** Offset of the first character of line `index`. */
  lineStart(index: number): number {
    return this.starts[index]!;
  }

  /** Index into the fragment's lines of the line holding `offset`. */
  lineIndex(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  position(offset: number): { line: number; column: number } {
    const index = this.lineIndex(offset);
    return { line: this.firstLine + index, column: offset - this.starts[index]! + 1 };
  }

  /** The text of line `index`, without its line break (and without a trailing \r). */
  lineText(index: number): string | undefined {
    const starts = this.starts;
    if (index < 0 || index >= starts.length) return undefined;
    const start = starts[index]!;
    const next = starts[index + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.charCodeAt(end - 1) === 13 && end > start ? this.text.slice(start, end - 1) : this.text.slice(start, end);
  }
}
