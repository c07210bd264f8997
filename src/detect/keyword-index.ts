/**
 * The keyword prefilter: one Aho-Corasick pass over the lower-cased text finds every keyword
 * present, overlapping ones included (a short keyword never hides a longer one), and only the
 * rules that own one of them are run. Built once per scan; the automaton is a dense table over
 * ASCII, so the scan is a table lookup per character.
 */
const WIDTH = 128;

export class KeywordIndex<T> {
  private readonly next: Int32Array;
  /** For each state, the keyword ids it completes (own and via failure links). */
  private readonly outputs: number[][];
  private readonly owners: T[][];
  private readonly keywordCount: number;

  constructor(entries: Iterable<{ keywords: readonly string[]; value: T }>) {
    const ids = new Map<string, number>();
    const owners: T[][] = [];
    for (const { keywords, value } of entries) {
      for (const raw of keywords) {
        const keyword = raw.toLowerCase();
        if (!/^[\x00-\x7f]+$/.test(keyword)) throw new Error(`keyword "${raw}" must be ASCII`);
        let id = ids.get(keyword);
        if (id === undefined) {
          id = owners.length;
          ids.set(keyword, id);
          owners.push([]);
        }
        owners[id]!.push(value);
      }
    }
    this.owners = owners;
    this.keywordCount = owners.length;
    // trie
    const go: Int32Array[] = [new Int32Array(WIDTH).fill(-1)];
    const out: number[][] = [[]];
    for (const [keyword, id] of ids) {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const c = keyword.charCodeAt(i);
        if (go[state]![c] === -1) {
          go[state]![c] = go.length;
          go.push(new Int32Array(WIDTH).fill(-1));
          out.push([]);
        }
        state = go[state]![c]!;
      }
      out[state]!.push(id);
    }
    // failure links by breadth-first search, folded into a full transition table
    const fail = new Array<number>(go.length).fill(0);
    const queue: number[] = [];
    let head = 0;
    for (let c = 0; c < WIDTH; c++) {
      const s = go[0]![c]!;
      if (s === -1) go[0]![c] = 0;
      else {
        fail[s] = 0;
        queue.push(s);
      }
    }
    while (head < queue.length) {
      const r = queue[head++]!;
      for (let c = 0; c < WIDTH; c++) {
        const s = go[r]![c]!;
        if (s === -1) {
          go[r]![c] = go[fail[r]!]![c]!;
          continue;
        }
        queue.push(s);
        fail[s] = go[fail[r]!]![c]!;
        const inherited = out[fail[s]!]!;
        if (inherited.length) out[s] = out[s]!.length ? [...out[s]!, ...inherited] : inherited;
      }
    }
    this.next = new Int32Array(go.length * WIDTH);
    go.forEach((row, state) => this.next.set(row, state * WIDTH));
    this.outputs = out;
  }

  /** The owners whose keywords occur in `lowerText` (which must already be lower-cased). */
  lookup(lowerText: string): Set<T> {
    const found = new Set<T>();
    if (this.keywordCount === 0) return found;
    const seen = new Uint8Array(this.keywordCount);
    let remaining = this.keywordCount;
    const next = this.next;
    const outputs = this.outputs;
    let state = 0;
    for (let i = 0; i < lowerText.length; i++) {
      const c = lowerText.charCodeAt(i);
      state = c < WIDTH ? next[state * WIDTH + c]! : 0;
      const hits = outputs[state]!;
      if (hits.length === 0) continue;
      for (const id of hits) {
        if (seen[id]) continue;
        seen[id] = 1;
        remaining--;
        for (const owner of this.owners[id]!) found.add(owner);
      }
      if (remaining === 0) break;
    }
    return found;
  }
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
