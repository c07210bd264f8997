/**
 * A small, line-level string-literal scanner: finds the quoted literal that holds a span of a
 * line, with its quote, prefix letters (r, f, @, $) and whether a line comment starts before it.
 * It does not parse the language; it only has to agree with it on one line of ordinary code.
 */
export interface Literal {
  /** Index of the opening quote (after any prefix) and of the closing quote. */
  open: number;
  close: number;
  quote: string;
  prefix: string;
  /** The literal ends on this line. */
  closed: boolean;
  /** A line comment starts before the literal. */
  inComment: boolean;
}

export interface LexOptions {
  quotes: readonly string[];
  /** Characters that may prefix a literal (r, b, f, u for Python; @ and $ for C#). */
  prefixes: RegExp;
  lineComment: readonly string[];
  /** Quotes in which a backslash is not an escape (Go's backtick). */
  rawQuotes?: readonly string[];
  /** Python's and Kotlin's """ literals. */
  triple?: boolean;
}

export function literalAt(line: string, start: number, end: number, opts: LexOptions): Literal | undefined {
  let inComment = false;
  let i = 0;
  while (i < line.length) {
    if (!inComment && opts.lineComment.some((c) => line.startsWith(c, i))) inComment = true;
    const ch = line[i]!;
    if (!opts.quotes.includes(ch)) {
      i++;
      continue;
    }
    const triple = opts.triple && line.startsWith(ch.repeat(3), i);
    const q = triple ? ch.repeat(3) : ch;
    const raw = opts.rawQuotes?.includes(ch) ?? false;
    let j = i + q.length;
    let closed = false;
    while (j < line.length) {
      if (!raw && line[j] === '\\') {
        j += 2;
        continue;
      }
      if (line.startsWith(q, j)) {
        closed = true;
        break;
      }
      j++;
    }
    const close = closed ? j : line.length;
    if (start >= i + q.length && end <= close) {
      let p = i;
      while (p > 0 && opts.prefixes.test(line[p - 1]!)) p--;
      // a prefix is only a prefix when it is not the tail of an identifier (foo"...")
      const prefix = p > 0 && /[\w$@]/.test(line[p - 1]!) ? '' : line.slice(p, i);
      return { open: i, close, quote: q, prefix, closed, inComment };
    }
    if (start < i) return undefined;
    i = close + q.length;
  }
  return undefined;
}
