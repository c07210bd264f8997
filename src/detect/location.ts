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

  lineText(index: number): string | undefined {
    if (index < 0 || index >= this.starts.length) return undefined;
    const start = this.starts[index]!;
    const next = this.starts[index + 1];
    return this.text.slice(start, next === undefined ? undefined : next - 1).replace(/\r$/, '');
  }
}
