import { resolve } from 'node:path';
import type { FilePlan, FixPlan } from './fix.js';
import { writeAtomic, writeIndexEntry } from './io.js';
import { storeEdits, type StoreEdit } from './store.js';

/**
 * `leakguard fix`, writing half: the values go to the env file first (so none is lost if a later
 * write fails), then each accepted file: its index entry (--staged) and its working-tree file.
 */
export function storeFor(plan: FixPlan, accepted: readonly FilePlan[]): StoreEdit[] {
  return storeEdits(accepted.flatMap((f) => f.fixed), plan.store).edits;
}

export async function applyFix(plan: FixPlan, accepted: readonly FilePlan[]): Promise<StoreEdit[]> {
  const store = storeFor(plan, accepted);
  for (const edit of store) await writeAtomic(resolve(plan.root, edit.path), edit.before, edit.after, edit.secret ? 0o600 : 0o644);
  for (const file of accepted) {
    if (file.index) await writeIndexEntry(plan.root, file.rel, file.index.entry, file.index.after);
    if (file.worktree) await writeAtomic(file.abs, file.worktree.before, file.worktree.after);
  }
  return store;
}
