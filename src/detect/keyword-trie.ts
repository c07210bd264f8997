/** The trie under the keyword index (keyword-index.ts): states in flat arrays, edges in one map. */

/** Characters the automaton tells apart: ASCII (others reset it to the root). */
export const WIDTH = 128;
/**
 * The root is state 1, so that 0 can mean "not known yet" in every table of the index: typed
 * arrays start zeroed, with nothing to fill before the first lookup (state 0 is never entered).
 */
export const ROOT = 1;
const NO_KEYWORDS: readonly number[] = [];

export interface KeywordTrie<T> {
  /** Child state by state * WIDTH + character (lower case). */
  edges: ReadonlyMap<number, number>;
  /** By state: its parent, and the character leading to it. */
  parent: Int32Array;
  via: Uint8Array;
  /** By state: the keyword ids it completes. */
  own: Array<readonly number[]>;
  /** Owner values, and for each keyword id the indexes of its owners. */
  values: T[];
  ownerIndexes: number[][];
}

/**
 * The keywords' trie, case folded, with each keyword's owners. One map of edges and flat arrays:
 * a map or an array per state made building the slowest part of a hook's start.
 */
export function buildTrie<T>(entries: Iterable<{ keywords: readonly string[]; value: T }>): KeywordTrie<T> {
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
  const own = new Array<readonly number[]>(parent.length).fill(NO_KEYWORDS);
  for (const [state, id] of ends) own[state] = [...own[state]!, id];
  return { edges, parent: Int32Array.from(parent), via: Uint8Array.from(via), own, values, ownerIndexes };
}
