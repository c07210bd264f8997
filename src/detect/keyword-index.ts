/**
 * The keyword prefilter: one Aho-Corasick pass over the lower-cased text finds every keyword
 * present, overlapping ones included (a short keyword never hides a longer one), and only the
 * rules that own one of them are run. The automaton is a dense ASCII transition table (one
 * array read per character); building it copies each state's failure row, a few hundred
 * microseconds for the built-in keywords.
 */
const WIDTH = 128;

export class KeywordIndex<T> {
  private readonly delta: Int32Array;
  /** For each state, the keyword ids it completes (own and via failure links). */
  private readonly outputs: number[][];
  private readonly hasOutput: Uint8Array;
  private readonly owners: T[][] = [];

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
    const delta = new Int32Array(children.length * WIDTH);
    const fail = new Int32Array(children.length);
    const queue: number[] = [0];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const row = state * WIDTH;
      // start from the failure state's row, then add this state's own edges
      if (state !== 0) delta.copyWithin(row, fail[state]! * WIDTH, fail[state]! * WIDTH + WIDTH);
      for (const [c, next] of children[state]!) {
        fail[next] = state === 0 ? 0 : delta[fail[state]! * WIDTH + c]!;
        delta[row + c] = next;
        const inherited = outputs[fail[next]!]!;
        if (inherited.length) outputs[next] = [...outputs[next]!, ...inherited];
        queue.push(next);
      }
    }
    // fold case in the table, so the text is matched as it is, with no lower-cased copy
    for (let row = 0; row < delta.length; row += WIDTH) delta.copyWithin(row + 65, row + 97, row + 123);
    this.delta = delta;
    this.outputs = outputs;
    this.hasOutput = Uint8Array.from(outputs, (o) => (o.length ? 1 : 0));
  }

  /** The owners whose keywords occur in `text`, ignoring ASCII case. */
  lookup(text: string): Set<T> {
    const found = new Set<T>();
    const total = this.owners.length;
    if (total === 0) return found;
    let seen: Uint8Array | undefined;
    let remaining = total;
    const { delta, hasOutput } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      state = c < WIDTH ? delta[state * WIDTH + c]! : 0;
      if (hasOutput[state] === 0) continue;
      seen ??= new Uint8Array(total);
      for (const id of this.outputs[state]!) {
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
