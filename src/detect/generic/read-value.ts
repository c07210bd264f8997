import type { Parsed } from './types.js';

/** Read a value starting at `i`: a quoted string (also \"escaped\" quotes) or, outside code, a bare word. */
export function readValue(line: string, i: number, bareAllowed: boolean): Parsed | undefined {
  let pos = i;
  // string prefixes: python b"", r"", f"", C# @"" and $"", Kotlin/Swift none
  const prefix = /^(?:[rbfuRBFU]{1,2}|@|\$|[A-Z]?[a-z]{0,8}!?)(?=["'`])/.exec(line.slice(pos, pos + 12));
  if (prefix && prefix[0].length <= 2) pos += prefix[0].length;
  let quote = line[pos];
  let escapedQuote = false;
  if (quote === '\\' && (line[pos + 1] === '"' || line[pos + 1] === "'")) {
    escapedQuote = true;
    quote = line[pos + 1];
    pos += 1;
  }
  if (quote === '"' || quote === "'" || quote === '`') {
    const start = pos + 1;
    let j = start;
    while (j < line.length) {
      const ch = line[j];
      if (escapedQuote) {
        if (ch === '\\' && line[j + 1] === quote) break;
      } else if (ch === '\\') {
        j += 2;
        continue;
      } else if (ch === quote) break;
      j++;
    }
    if (j >= line.length) return undefined;
    return { value: line.slice(start, j), start, end: j };
  }
  if (!bareAllowed) return undefined;
  const m = /^[^\s"'`,;<>(){}[\]&]{1,1000}/.exec(line.slice(pos));
  if (!m) return undefined;
  let value = m[0];
  // trailing comment markers glued to the value are not part of it
  value = value.replace(/(?:\\n|\\r)+$/, '');
  return { value, start: pos, end: pos + value.length };
}
