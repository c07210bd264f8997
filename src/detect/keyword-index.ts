/**
 * The keyword prefilter: one Aho-Corasick pass over the lower-cased text finds every keyword
 * present, overlapping ones included (a short keyword never hides a longer one), and only the
 * rules that own one of them are run. The automaton is a dense ASCII transition table (one
 * array read per character, case folded into the table); building it copies each state's
 * failure row, a few hundred microseconds for the built-in keywords. (A table over character
 * classes is a quarter of the size, but the extra class read per character made the pass
 * slower, measured on the eslint history.)
 */
const WIDTH = 128;

export class KeywordIndex<T> {
  /** Row offset of the next state, by row offset of the state + character code. */
  private readonly delta: Int32Array;
  /** For each state, the keyword ids it completes (own and via failure links). */
  private readonly outputs: number[][];
  private readonly hasOutput: Uint8Array;
  private readonly owners: T[][] = [];
  /** Owner values, and for each keyword the indexes of its owners. */
  private readonly values: T[] = [];
  private readonly ownerIndexes: number[][] = [];
  /** Stamps of the current lookup: a keyword or owner seen in it holds its number (no clearing, no allocation). */
  private readonly keywordSeen: Uint32Array;
  private readonly valueSeen: Uint32Array;
  private generation = 0;

  constructor(entries: Iterable<{ keywords: readonly string[]; value: T }>) {
    const ids = new Map<string, number>();
    const children: Array<Map<number, number>> = [new Map()];
    const outputs: number[][] = [[]];
    for (const { keywords, value } of entries) {
      for (const raw of keywords) {
        const keyword = raw.toLowerCase();
        let id = ids.get(keyword);
        if (id === undefined) {
          id = this.owners.length;
          ids.set(keyword, id);
          this.owners.push([]);
          let state = 0;
          for (let i = 0; i < keyword.length; i++) {
            const c = keyword.charCodeAt(i);
            if (c >= WIDTH) break; // non-ASCII keywords match on their ASCII prefix only
            let next = children[state]!.get(c);
            if (next === undefined) {
              next = children.length;
              children.push(new Map());
              outputs.push([]);
              children[state]!.set(c, next);
            }
            state = next;
          }
          outputs[state]!.push(id);
        }
        this.owners[id]!.push(value);
      }
    }
    // rows hold the next state's row offset (state × WIDTH): one addition per character of text
    const delta = new Int32Array(children.length * WIDTH);
    const failRow = new Int32Array(children.length);
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const row = state * WIDTH;
      // start from the failure state's row, then add this state's own edges
      if (state !== 0) delta.copyWithin(row, failRow[state]!, failRow[state]! + WIDTH);
      for (const [c, next] of children[state]!) {
        failRow[next] = state === 0 ? 0 : delta[failRow[state]! + c]!;
        delta[row + c] = next * WIDTH;
        const inherited = outputs[failRow[next]! / WIDTH]!;
        if (inherited.length) outputs[next] = [...outputs[next]!, ...inherited];
        queue.push(next);
      }
    }
    // fold case in the table, so the text is matched as it is, with no lower-cased copy
    for (let row = 0; row < delta.length; row += WIDTH) delta.copyWithin(row + 65, row + 97, row + 123);
    this.delta = delta;
    const valueIndex = new Map<T, number>();
    for (const list of this.owners) {
      this.ownerIndexes.push(
        list.map((value) => {
          let k = valueIndex.get(value);
          if (k === undefined) {
            k = this.values.length;
            valueIndex.set(value, k);
            this.values.push(value);
          }
          return k;
        }),
      );
    }
    this.keywordSeen = new Uint32Array(this.owners.length);
    this.valueSeen = new Uint32Array(this.values.length);
    this.outputs = outputs;
    // by row offset, so the hot loop needs no division
    this.hasOutput = new Uint8Array(outputs.length * WIDTH);
    outputs.forEach((o, state) => (this.hasOutput[state * WIDTH] = o.length ? 1 : 0));
  }

  /** The owners whose keywords occur in `text`, ignoring ASCII case, each once, in no set order. */
  lookup(text: string): T[] {
    const found: T[] = [];
    const total = this.owners.length;
    if (total === 0) return found;
    if (++this.generation === 0xffffffff) {
      this.keywordSeen.fill(0);
      this.valueSeen.fill(0);
      this.generation = 1;
    }
    const stamp = this.generation;
    let remaining = total;
    const { delta, hasOutput, keywordSeen, valueSeen } = this;
    let row = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      row = c < WIDTH ? delta[row + c]! : 0;
      if (hasOutput[row] === 0) continue;
      const ids = this.outputs[row / WIDTH]!;
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
      if (remaining === 0) break;
    }
    return found;
  }
}
