/** Maps offsets in a fragment's text to 1-based lines and columns of the file. */
export class LineMap {
  private readonly starts: number[] = [0];
  private readonly text: string;
  private readonly firstLine: number;

  constructor(text: string, firstLine: number) {
    this.text = text;
    this.firstLine = firstLine;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
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
    if (index < 0 || index >= this.starts.length) return undefined;
    const start = this.starts[index]!;
    const next = this.starts[index + 1];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.charCodeAt(end - 1) === 13 && end > start ? this.text.slice(start, end - 1) : this.text.slice(start, end);
  }
}
