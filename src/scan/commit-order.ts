/**
 * The history source reads commits in no set order (several git processes at once, each newest
 * first: git inflates a pack's delta chains more cheaply that way), each commit's items together,
 * and gives each commit its position in the list, oldest first. The scan's first-seen
 * de-duplication, its skip list and its notices want them oldest first: a list of results is
 * sorted by its commits' positions, each commit's own results keeping their order (the sort is
 * stable). Results without a position keep their place ahead of the rest.
 */
export function putOldestFirst<T>(items: T[], positionOf: (item: T) => number | undefined): void {
  if (items.length < 2) return;
  items.sort((a, b) => (positionOf(a) ?? -1) - (positionOf(b) ?? -1));
}
