/**
 * The words of a case-insensitive regex made only of literal alternatives (pass|token|key), else
 * undefined. An alternative's trailing lookahead (pw(?![a-z])) is dropped: that only widens which
 * texts select the generic detector, which then finds its lines with the regex itself.
 */
export function literalAlternatives(re: RegExp): string[] | undefined {
  if ([...re.flags].filter((f) => f !== 'g' && f !== 'y').join('') !== 'i') return undefined;
  // string tests: this runs as every scan starts, where a regex's first run is its compile
  const words = re.source.split('|').map((a) => (a.endsWith('(?![a-z])') ? a.slice(0, -9) : a));
  return words.every(isWord) ? words : undefined;
}

/** Whether `w` is what /^\w+$/ matches: ASCII letters, digits and _, at least one. */
export function isWord(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95)) return false;
  }
  return w.length > 0;
}
