import type { CommitInfo } from '../sources/types.js';

/**
 * The history source reads commits newest first (git inflates a pack's delta chains more cheaply
 * that way), each commit's items together. The scan's first-seen de-duplication, its skip list
 * and its notices want them oldest first: each result is tagged with the rank of its commit as
 * items arrive, then the results are put back in that order, a commit's own results keeping
 * theirs. Other sources have one rank for everything, and nothing moves.
 */
export class CommitOrder {
  private last: CommitInfo | undefined;
  private rank = 0;

  /** The rank of the item's commit: one more for each commit after the first. */
  note(commit: CommitInfo | undefined): number {
    if (commit !== this.last) {
      this.last = commit;
      this.rank++;
    }
    return this.rank;
  }
}

/** Reorder `items` (ranks[i] being items[i]'s) in place: decreasing rank, in the order they came within a rank. */
export function putOldestFirst<T>(items: T[], ranks: readonly number[]): void {
  if (ranks.length < 2 || ranks[0] === ranks[ranks.length - 1]) return;
  const at = items.map((_, i) => i);
  at.sort((a, b) => ranks[b]! - ranks[a]! || a - b);
  const sorted = at.map((i) => items[i]!);
  for (let i = 0; i < sorted.length; i++) items[i] = sorted[i]!;
}
