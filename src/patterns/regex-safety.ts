/**
 * Static checks on a regex source, for rules we do not control (user config) and for our own
 * (bounded quantifiers). Pure string analysis: no regex is executed here.
 */

interface Group {
  /** Did anything inside this group carry a quantifier? */
  hasQuantifier: boolean;
  /** Did anything inside carry an unbounded quantifier (*, +, {n,})? */
  hasUnbounded: boolean;
}

/** Describe why a regex source could backtrack catastrophically, or return undefined. */
export function findNestedQuantifier(source: string): string | undefined {
  const stack: Group[] = [{ hasQuantifier: false, hasUnbounded: false }];
  let lastClosed: Group | undefined;
  for (const [i, ch] of syntax(source)) {
    if (ch === 'atom') {
      lastClosed = undefined;
      continue;
    }
    if (ch === '(') {
      stack.push({ hasQuantifier: false, hasUnbounded: false });
      lastClosed = undefined;
      continue;
    }
    if (ch === ')') {
      const group = stack.pop();
      if (!group || stack.length === 0) return undefined; // unbalanced: the RegExp compiler reports it
      lastClosed = group;
      const parent = stack[stack.length - 1]!;
      parent.hasQuantifier ||= group.hasQuantifier;
      parent.hasUnbounded ||= group.hasUnbounded;
      continue;
    }
    const quant = readQuantifier(source, i);
    if (quant) {
      const top = stack[stack.length - 1]!;
      if (lastClosed && quant.unbounded && lastClosed.hasUnbounded) {
        return `a repeated group that itself repeats without bound near "${source.slice(Math.max(0, i - 20), i + 1)}"`;
      }
      top.hasQuantifier = true;
      top.hasUnbounded ||= quant.unbounded;
    }
    lastClosed = undefined;
  }
  return undefined;
}

/** Return the first unbounded quantifier in the source, if any (built-in rules must be bounded). */
export function findUnboundedQuantifier(source: string): string | undefined {
  for (const [i, ch] of syntax(source)) {
    if (ch === 'atom') continue;
    const quant = readQuantifier(source, i);
    if (quant?.unbounded) return source.slice(Math.max(0, i - 15), i + quant.length);
  }
  return undefined;
}

/**
 * The characters of a regex source that are syntax, with their index; an escape (\d, \() or a
 * character class ([a-z]) comes out as one 'atom'.
 */
function* syntax(source: string): Generator<[number, string]> {
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') {
      yield [i, 'atom'];
      i++;
    } else if (ch === '[') {
      yield [i, 'atom'];
      i = skipClass(source, i);
    } else yield [i, ch];
  }
}

/** Index of the `]` that closes the character class opening at `i`. */
function skipClass(source: string, i: number): number {
  let j = i + 1;
  if (source[j] === '^') j++;
  if (source[j] === ']') j++;
  while (j < source.length && source[j] !== ']') {
    if (source[j] === '\\') j++;
    j++;
  }
  return j;
}

const BRACE = /\{(\d+)(,(\d*))?\}\??/y;

function readQuantifier(source: string, i: number): { length: number; unbounded: boolean } | undefined {
  const ch = source[i];
  if (ch === '*' || ch === '+') return { length: source[i + 1] === '?' ? 2 : 1, unbounded: true };
  if (ch === '?') {
    // "(?:", "(?=" etc. are group syntax, not quantifiers
    if (source[i - 1] === '(') return undefined;
    return { length: 1, unbounded: false };
  }
  if (ch === '{') {
    BRACE.lastIndex = i;
    const m = BRACE.exec(source);
    if (!m) return undefined;
    return { length: m[0].length, unbounded: m[2] !== undefined && m[3] === '' };
  }
  return undefined;
}

/** Number of capture groups in a regex source, counted without compiling or running it. */
export function countGroups(source: string): number {
  let count = 0;
  for (const [i, ch] of syntax(source)) {
    if (ch !== '(') continue;
    if (source[i + 1] !== '?') count++;
    else if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') count++;
  }
  return count;
}
