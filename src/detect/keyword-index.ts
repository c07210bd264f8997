/**
 * The keyword prefilter: one pass over the lower-cased text finds every keyword present, and
 * only the rules that own one of them are run. Built once per scan.
 */
export class KeywordIndex<T> {
  private readonly finder: RegExp | undefined;
  private readonly owners = new Map<string, T[]>();

  constructor(entries: Iterable<{ keywords: readonly string[]; value: T }>) {
    for (const { keywords, value } of entries) {
      for (const keyword of keywords) {
        const list = this.owners.get(keyword) ?? [];
        list.push(value);
        this.owners.set(keyword, list);
      }
    }
    const words = [...this.owners.keys()].sort((a, b) => b.length - a.length);
    this.finder = words.length ? new RegExp(words.map(escapeRegex).join('|'), 'g') : undefined;
  }

  /** The owners whose keywords occur in `lowerText` (which must already be lower-cased). */
  lookup(lowerText: string): Set<T> {
    const found = new Set<T>();
    if (!this.finder) return found;
    const seen = new Set<string>();
    this.finder.lastIndex = 0;
    for (let m = this.finder.exec(lowerText); m; m = this.finder.exec(lowerText)) {
      const word = m[0];
      if (seen.has(word)) continue;
      seen.add(word);
      for (const owner of this.owners.get(word) ?? []) found.add(owner);
      if (seen.size === this.owners.size) break;
    }
    return found;
  }
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
