/**
 * The keyword prefilter: one Aho-Corasick pass over the text finds every keyword present,
 * ignoring ASCII case, overlapping ones included (a short keyword never hides a longer one), and
 * only the rules that own one of them are run.
 *
 * The automaton is a dense ASCII transition table, case folded, holding each next state as its
 * row offset: one addition and one array read per character of text. Building it fills each
 * row from its failure state's row (a native copy) in breadth-first order. Keyword outputs are
 * not copied down the failure links: a state keeps its own keywords and a link to the nearest
 * failure state that has some, followed on a hit. (A table over character classes is a quarter
 * of the size, but the extra class read per character made the pass slower, measured on the
 * eslint history; writing the trie straight into the table made building slower in a cold
 * process, the hook's case.)
 */
const WIDTH = 128;
const SHIFT = 7;

export class KeywordIndex<T> {
  /** Row offset of the next state, by row offset of the state + character code. */
  private readonly delta: Int32Array;
  /** By state: 1 when the state or one of its failure states completes a keyword. */
  private readonly hasOutput: Uint8Array;
  /** By state: the keyword ids the state itself completes. */
  private readonly own: number[][] = [[]];
  /** By state: the nearest failure state (row offset) with keywords of its own, or -1. */
  private readonly nextOutput: Int32Array;
  /** Owner values, and for each keyword id the indexes of its owners. */
  private readonly values: T[] = [];
  private readonly ownerIndexes: number[][] = [];
  /** Stamps of the current lookup: a keyword or owner seen in it holds its number (no clearing, no allocation). */
  private readonly keywordSeen: Uint32Array;
  private readonly valueSeen: Uint32Array;
  private generation = 0;

  constructor(entries: Iterable<{ keywords: readonly string[]; value: T }>) {
    const ids = new Map<string, number>();
    const valueIndex = new Map<T, number>();
    const children: Array<Map<number, number>> = [new Map()];
    for (const { keywords, value } of entries) {
      for (const raw of keywords) {
        const keyword = raw.toLowerCase();
        let id = ids.get(keyword);
        if (id === undefined) {
          id = this.ownerIndexes.length;
          ids.set(keyword, id);
          this.ownerIndexes.push([]);
          let state = 0;
          for (let i = 0; i < keyword.length; i++) {
            const c = keyword.charCodeAt(i);
            if (c >= WIDTH) break; // non-ASCII keywords match on their ASCII prefix only
            let next = children[state]!.get(c);
            if (next === undefined) {
              next = children.length;
              children.push(new Map());
              this.own.push([]);
              children[state]!.set(c, next);
            }
            state = next;
          }
          this.own[state]!.push(id);
        }
        let v = valueIndex.get(value);
        if (v === undefined) {
          v = this.values.length;
          valueIndex.set(value, v);
          this.values.push(value);
        }
        const owners = this.ownerIndexes[id]!;
        if (!owners.includes(v)) owners.push(v);
      }
    }
    const states = children.length;
    const delta = new Int32Array(states * WIDTH);
    const fail = new Int32Array(states);
    const nextOutput = new Int32Array(states).fill(-1);
    const hasOutput = new Uint8Array(states);
    // a keyword with no ASCII prefix ends at the root: every text holds it
    hasOutput[0] = this.own[0]!.length ? 1 : 0;
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const row = state * WIDTH;
      const failRow = fail[state]! * WIDTH;
      // start from the failure state's row, then add this state's own edges
      if (state !== 0) delta.copyWithin(row, failRow, failRow + WIDTH);
      for (const [c, next] of children[state]!) {
        const f = state === 0 ? 0 : delta[failRow + c]! / WIDTH;
        fail[next] = f;
        delta[row + c] = next * WIDTH;
        nextOutput[next] = this.own[f]!.length ? f * WIDTH : nextOutput[f]!;
        hasOutput[next] = this.own[next]!.length || hasOutput[f] ? 1 : 0;
        queue.push(next);
      }
    }
    // fold case in the table, so the text is matched as it is, with no lower-cased copy
    for (let row = 0; row < delta.length; row += WIDTH) delta.copyWithin(row + 65, row + 97, row + 123);
    this.delta = delta;
    this.hasOutput = hasOutput;
    this.nextOutput = nextOutput;
    this.keywordSeen = new Uint32Array(this.ownerIndexes.length);
    this.valueSeen = new Uint32Array(this.values.length);
  }

  /** The owners whose keywords occur in `text`, ignoring ASCII case, each once, in no set order. */
  lookup(text: string): T[] {
    const found: T[] = [];
    const total = this.ownerIndexes.length;
    if (total === 0) return found;
    if (++this.generation === 0xffffffff) {
      this.keywordSeen.fill(0);
      this.valueSeen.fill(0);
      this.generation = 1;
    }
    const stamp = this.generation;
    let remaining = total;
    const { delta, hasOutput, keywordSeen, valueSeen, nextOutput, own } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      row = c < WIDTH ? delta[row + c]! : 0;
      if (hasOutput[row >> SHIFT] === 0) continue;
      // this state's keywords, then those of each failure state that has some
      for (let out = row; out !== -1; out = nextOutput[out / WIDTH]!) {
        const ids = own[out / WIDTH]!;
        for (let k = 0; k < ids.length; k++) {
          const id = ids[k]!;
          if (keywordSeen[id] === stamp) continue;
          keywordSeen[id] = stamp;
          remaining--;
          const owners = this.ownerIndexes[id]!;
          for (let o = 0; o < owners.length; o++) {
            const v = owners[o]!;
            if (valueSeen[v] === stamp) continue;
            valueSeen[v] = stamp;
            found.push(this.values[v]!);
          }
        }
      }
      if (remaining === 0) break;
    }
    return found;
  }
}
