import { readFileSync } from 'node:fs';
import { WIDTH, buildTrie, type Edges, type PrebuiltTrie } from '../detect/keyword-trie.js';
import { PREBUILT_INDEX } from '../util/package-files.js';

/**
 * The keyword trie of the built-in rules and the generic detector's words, as the build wrote
 * it (scripts/build-rules.mjs): a hook with the default rules reads 90 KB of typed arrays
 * instead of building the trie from 1,000 keywords, which took a millisecond of its start and
 * most of the young objects its first collection copied. The trie's values are the entries'
 * indexes; `ids` and `generic` say which entries it was built from, and the detector takes it
 * only when its own entries are those. Beside dist/ only: a checkout's src/ has none.
 */
export { PREBUILT_INDEX };

const MAGIC = 0x4c47_4b31; // "LGK1"
const SECTIONS = ['parent', 'childStart', 'childChar', 'childState', 'ownStart', 'ownIds', 'ownerStart', 'ownerValues'] as const;

/** The trie's edges as lists of children by state (the map's entries, sorted), for a file. */
class ChildLists implements Edges {
  private readonly childStart: Int32Array;
  private readonly childChar: Int32Array;
  private readonly childState: Int32Array;

  constructor(childStart: Int32Array, childChar: Int32Array, childState: Int32Array) {
    this.childStart = childStart;
    this.childChar = childChar;
    this.childState = childState;
  }

  get(key: number): number | undefined {
    const state = key >> 7;
    const c = key & (WIDTH - 1);
    for (let i = this.childStart[state]!; i < this.childStart[state + 1]!; i++) if (this.childChar[i] === c) return this.childState[i];
    return undefined;
  }
}

/** Build the trie of these entries (values: their indexes) and write it as the file's bytes. */
export function toPrebuiltIndex(ids: readonly string[], keywords: ReadonlyArray<readonly string[]>, generic: readonly string[]): Buffer {
  const entries = [...keywords, ...(generic.length ? [generic] : [])].map((k, i) => ({ keywords: k, value: i }));
  const trie = buildTrie(entries);
  const states = trie.parent.length;
  const edges = [...trie.edges].sort((a, b) => a[0] - b[0]);
  const childStart = new Int32Array(states + 1);
  for (const [key] of edges) childStart[(key >> 7) + 1]!++;
  for (let s = 0; s < states; s++) childStart[s + 1]! += childStart[s]!;
  const arrays: Record<(typeof SECTIONS)[number], Int32Array> = {
    parent: trie.parent,
    childStart,
    childChar: Int32Array.from(edges, ([key]) => key & (WIDTH - 1)),
    childState: Int32Array.from(edges, ([, child]) => child),
    ownStart: trie.ownStart,
    ownIds: trie.ownIds,
    ownerStart: trie.ownerStart,
    ownerValues: trie.ownerValues,
  };
  const meta = Buffer.from(JSON.stringify({ ids, generic, values: trie.values.length }), 'utf8');
  const header = Int32Array.from([MAGIC, meta.length, ...SECTIONS.map((name) => arrays[name].length)]);
  const via = Buffer.alloc(Math.ceil(states / 4) * 4);
  via.set(trie.via);
  return Buffer.concat([Buffer.from(header.buffer), ...SECTIONS.map((name) => Buffer.from(arrays[name].buffer, arrays[name].byteOffset, arrays[name].byteLength)), via, meta]);
}

/** The build's trie, or undefined when there is none or it is not one this code can read. */
export function readPrebuiltIndex(file = PREBUILT_INDEX): PrebuiltTrie | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  // typed arrays over the file's own memory need 4-byte alignment (a whole file's buffer has it)
  if (bytes.byteOffset % 4 !== 0) bytes = Buffer.from(bytes);
  const words = bytes.length >> 2;
  const int32 = (at: number, length: number) => new Int32Array(bytes.buffer, bytes.byteOffset + at * 4, length);
  const header = SECTIONS.length + 2;
  if (words < header) return undefined;
  const head = int32(0, header);
  if (head[0] !== MAGIC) return undefined;
  const arrays = {} as Record<(typeof SECTIONS)[number], Int32Array>;
  let at = header;
  for (let i = 0; i < SECTIONS.length; i++) {
    const length = head[i + 2]!;
    if (length < 0 || at + length > words) return undefined;
    arrays[SECTIONS[i]!] = int32(at, length);
    at += length;
  }
  const states = arrays.parent.length;
  const viaBytes = Math.ceil(states / 4) * 4;
  if (at * 4 + viaBytes + head[1]! !== bytes.length || !wellFormed(arrays)) return undefined;
  const via = new Uint8Array(bytes.buffer, bytes.byteOffset + at * 4, states);
  let meta: { ids: string[]; generic: string[]; values: number };
  try {
    meta = JSON.parse(bytes.toString('utf8', at * 4 + viaBytes)) as typeof meta;
  } catch {
    return undefined;
  }
  if (!Array.isArray(meta.ids) || !Array.isArray(meta.generic) || meta.values !== meta.ids.length + (meta.generic.length ? 1 : 0)) return undefined;
  const values = Array.from({ length: meta.values }, (_, i) => i);
  const edges = new ChildLists(arrays.childStart, arrays.childChar, arrays.childState);
  return { ids: meta.ids, generic: meta.generic, trie: { edges, parent: arrays.parent, via, ownStart: arrays.ownStart, ownIds: arrays.ownIds, ownerStart: arrays.ownerStart, ownerValues: arrays.ownerValues, values } };
}

/**
 * Whether the lists fit together: each start table one longer than what it indexes, ending at
 * that list's length. A file cut or mixed up is then set aside (the trie is built instead), never
 * read past its lists; the rest it holds as the build wrote it.
 */
function wellFormed(a: Record<(typeof SECTIONS)[number], Int32Array>): boolean {
  const states = a.parent.length;
  const ends = (start: Int32Array, list: Int32Array, count: number) => start.length === count + 1 && start[0] === 0 && start[count] === list.length;
  return ends(a.childStart, a.childChar, states) && a.childState.length === a.childChar.length && ends(a.ownStart, a.ownIds, states) && ends(a.ownerStart, a.ownerValues, a.ownIds.length);
}
