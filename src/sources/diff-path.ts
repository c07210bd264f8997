/** Paths as git writes them in diff headers: C-style quoted, with a/ and b/ prefixes. Pure. */

/** Undo git's C-style quoting of a path: "a/tab\there/\303\251.txt" -> a/tab	here/é.txt */
export function unquotePath(raw: string): string {
  if (!raw.startsWith('"')) return raw;
  const bytes: number[] = [];
  const simple: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, '\\': 92 };
  for (let i = 1; i < raw.length - 1; i++) {
    const ch = raw[i]!;
    if (ch === '\\') {
      const next = raw[i + 1]!;
      if (/[0-7]/.test(next)) {
        bytes.push(parseInt(raw.slice(i + 1, i + 4), 8));
        i += 3;
      } else {
        bytes.push(simple[next] ?? next.charCodeAt(0));
        i += 1;
      }
    } else {
      for (const b of Buffer.from(ch, 'utf8')) bytes.push(b);
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** A path from a diff header without its a/ or b/ prefix (quoted or not). */
export function stripPrefix(path: string, prefix: 'a/' | 'b/'): string {
  const unquoted = unquotePath(path);
  return unquoted.startsWith(prefix) ? unquoted.slice(2) : unquoted;
}

/** Paths from `diff --git a/X b/Y` when there are no ---/+++ lines (binary, mode-only, empty files). */
export function pathFromDiffGit(rest: string): string {
  if (rest.startsWith('"')) {
    const end = findQuoteEnd(rest, 0);
    const second = rest.slice(end + 2);
    return stripPrefix(second, 'b/');
  }
  // unquoted: "a/P b/P" when unchanged; split in the middle
  if ((rest.length - 1) % 2 === 0) {
    const half = (rest.length - 1) / 2;
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (a.slice(2) === b.slice(2)) return b.slice(2);
  }
  const idx = rest.lastIndexOf(' b/');
  return idx >= 0 ? rest.slice(idx + 3) : rest;
}

function findQuoteEnd(s: string, start: number): number {
  for (let i = start + 1; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '"') return i;
  }
  return s.length - 1;
}
