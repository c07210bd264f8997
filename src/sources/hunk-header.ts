/** The two pieces of a diff hunk the staged diff's parser reads by hand (no regex to compile). */

/** Whether a line's prefix is only the marks of a hunk line: +, - and space, one per parent. */
export function onlyLineMarks(prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    if (c !== 43 && c !== 45 && c !== 32) return false;
  }
  return true;
}

/**
 * A hunk header's parent count and new start line, as /^(@{2,}) (?:-[\d,]+ )+\+(\d+)(?:,(\d+))? @{2,}/
 * reads it (@@ -1,2 +3,4 @@, or @@@ -1 -2 +3 @@@ in a merge), else undefined. Read by hand:
 * a staged diff has one per hunk, and a regex's first run is its compile.
 */
export function hunkHeader(raw: string): { parents: number; start: number } | undefined {
  let i = 0;
  while (raw.charCodeAt(i) === 64) i++;
  const ats = i;
  if (ats < 2 || raw.charCodeAt(i) !== 32) return undefined;
  i++;
  let ranges = 0;
  // (?:-[\d,]+ )+
  while (raw.charCodeAt(i) === 45) {
    const from = ++i;
    while (isDigit(raw.charCodeAt(i)) || raw.charCodeAt(i) === 44) i++;
    if (i === from || raw.charCodeAt(i) !== 32) return undefined;
    i++;
    ranges++;
  }
  if (ranges === 0 || raw.charCodeAt(i) !== 43) return undefined;
  const from = ++i;
  while (isDigit(raw.charCodeAt(i))) i++;
  if (i === from) return undefined;
  const start = Number(raw.slice(from, i));
  if (raw.charCodeAt(i) === 44 && isDigit(raw.charCodeAt(i + 1))) {
    i++;
    while (isDigit(raw.charCodeAt(i))) i++;
  }
  if (raw.charCodeAt(i) !== 32 || raw.charCodeAt(i + 1) !== 64 || raw.charCodeAt(i + 2) !== 64) return undefined;
  return { parents: ats - 1, start };
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
