/** The trie under the keyword index (keyword-index.ts): states and lists in typed arrays. */

/** Characters the automaton tells apart: ASCII (others reset it to the root). */
export const WIDTH = 128;
/**
 * The root is state 1, so that 0 can mean "not known yet" in every table of the index: typed
 * arrays start zeroed, with nothing to fill before the first lookup (state 0 is never entered).
 */
export const ROOT = 1;

/** The trie's edges: child state by state * WIDTH + character (lower case). */
export interface Edges {
  get(key: number): number | undefined;
}

export interface KeywordTrie<T> {
  edges: Edges;
  /** By state: its parent, and the character leading to it. */
  parent: Int32Array;
  via: Uint8Array;
  /** By state s: the keyword ids it completes, ownIds[ownStart[s]] up to ownIds[ownStart[s + 1]]. */
  ownStart: Int32Array;
  ownIds: Int32Array;
  /** By keyword id k: its owners' indexes in `values`, ownerValues[ownerStart[k]] up to ownerValues[ownerStart[k + 1]]. */
  ownerStart: Int32Array;
  ownerValues: Int32Array;
  values: T[];
}

/** A trie the build made (src/scan/prebuilt-index.ts), with the entries it was made from. */
export interface PrebuiltTrie {
  /** The ids of the rules whose keywords it holds, in order: entry i, value i, is rule i. */
  ids: string[];
  /** The generic detector's words (the last entry), or none. */
  generic: string[];
  trie: KeywordTrie<number>;
}

/**
 * The keywords' trie, case folded, with each keyword's owners. Built with one map of edges and
 * flat arrays (a map or an array per state made building the slowest part of a hook's start),
 * its lists then packed into typed arrays, the form the build also writes for the built-in
 * rules (src/scan/prebuilt-index.ts), so that a hook with the default rules reads it instead.
 */
export function buildTrie<T>(entries: Iterable<{ keywords: readonly string[]; value: T }>): KeywordTrie<T> & { edges: Map<number, number> } {
  const ids = new Map<string, number>();
  const valueIndex = new Map<T, number>();
  const values: T[] = [];
  const ownerIndexes: number[][] = [];
  const edges = new Map<number, number>();
  const parent: number[] = [0, 0];
  const via: number[] = [0, 0];
  const ends: Array<[number, number]> = [];
  for (const { keywords, value } of entries) {
    for (const raw of keywords) {
      const keyword = raw.toLowerCase();
      let id = ids.get(keyword);
      if (id === undefined) {
        id = ownerIndexes.length;
        ids.set(keyword, id);
        ownerIndexes.push([]);
        let state = ROOT;
        for (let i = 0; i < keyword.length; i++) {
          const c = keyword.charCodeAt(i);
          if (c >= WIDTH) break; // non-ASCII keywords match on their ASCII prefix only
          const key = state * WIDTH + c;
          let next = edges.get(key);
          if (next === undefined) {
            next = parent.length;
            parent.push(state);
            via.push(c);
            edges.set(key, next);
          }
          state = next;
        }
        ends.push([state, id]);
      }
      let v = valueIndex.get(value);
      if (v === undefined) {
        v = values.length;
        valueIndex.set(value, v);
        values.push(value);
      }
      const owners = ownerIndexes[id]!;
      if (!owners.includes(v)) owners.push(v);
    }
  }
  // keyword ids by the state they end at (a counting sort), and owners by keyword id
  const ownStart = new Int32Array(parent.length + 1);
  for (const [state] of ends) ownStart[state + 1]!++;
  for (let s = 0; s < parent.length; s++) ownStart[s + 1]! += ownStart[s]!;
  const fill = ownStart.slice(0, parent.length);
  const ownIds = new Int32Array(ends.length);
  for (const [state, id] of ends) ownIds[fill[state]!++] = id;
  const ownerStart = new Int32Array(ownerIndexes.length + 1);
  ownerIndexes.forEach((owners, id) => (ownerStart[id + 1] = ownerStart[id]! + owners.length));
  const ownerValues = Int32Array.from(ownerIndexes.flat());
  return { edges, parent: Int32Array.from(parent), via: Uint8Array.from(via), ownStart, ownIds, ownerStart, ownerValues, values };
}
