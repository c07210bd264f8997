/**
 * The history source reads commits newest first (git inflates a pack's delta chains more cheaply
 * that way), each commit's items together. The scan's first-seen de-duplication, its skip list
 * and its notices want them oldest first: a list of results, in the order the source gave them,
 * is put back in place, commit by commit, each commit's own results keeping their order.
 */
export function putOldestFirst<T>(items: T[], commitOf: (item: T) => string | undefined): void {
  if (items.length < 2) return;
  // runs of one commit, in the order they came
  const runs: T[][] = [];
  let last: string | undefined;
  for (const item of items) {
    const commit = commitOf(item);
    if (runs.length === 0 || commit !== last) runs.push([]);
    runs[runs.length - 1]!.push(item);
    last = commit;
  }
  if (runs.length < 2) return;
  let i = 0;
  for (let r = runs.length - 1; r >= 0; r--) for (const item of runs[r]!) items[i++] = item;
}
