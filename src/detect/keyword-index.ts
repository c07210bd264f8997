/**
 * The keyword prefilter: one Aho-Corasick pass over the text finds every keyword present,
 * ignoring ASCII case, overlapping ones included (a short keyword never hides a longer one), and
 * only the rules that own one of them are run.
 *
 * The automaton is a dense ASCII transition table, case folded, holding each next state as its
 * row offset: one addition and one array read per character of text. A row is filled the first
 * time the text takes it (a hook's few kilobytes take few), the whole table once a long scan
 * has read enough. Keyword outputs are not copied down the failure links: a state keeps its own
 * keywords and a link to the nearest failure state that has some, followed on a hit. (A table
 * over character classes is a quarter of the size, but its extra read per character was slower.)
 */
import { ROOT, WIDTH, buildTrie, type Edges, type KeywordTrie } from './keyword-trie.js';

const SHIFT = 7;
/** Characters looked up before the whole table is filled. */
const COMPLETE_AFTER = 1 << 20;

export class KeywordIndex<T> {
  /** Row offset of the next state, by row offset of the state + character code; 0 until first taken. */
  private readonly delta: Int32Array;
  /** The trie's edges, by state * WIDTH + character; and each state's parent and the character leading to it. */
  private readonly edges: Edges;
  private readonly parent: Int32Array;
  private readonly via: Uint8Array;
  /** By state: its failure state, 0 until known. */
  private readonly fail: Int32Array;
  /** By state: 1 when the state or one of its failure states completes a keyword. */
  private readonly hasOutput: Uint8Array;
  /** By state: the keyword ids the state itself completes (ownIds from ownStart[s] to ownStart[s + 1]). */
  private readonly ownStart: Int32Array;
  private readonly ownIds: Int32Array;
  /** By state: the nearest failure state (row offset) with keywords of its own, or 0. */
  private readonly nextOutput: Int32Array;
  /** Owner values, and for each keyword id the indexes of its owners (as own's lists). */
  private readonly values: readonly T[];
  private readonly ownerStart: Int32Array;
  private readonly ownerValues: Int32Array;
  private readonly keywordCount: number;
  /** Stamps of the current lookup: a keyword or owner seen in it holds its number (no clearing, no allocation). */
  private readonly keywordSeen: Uint32Array;
  private readonly valueSeen: Uint32Array;
  private generation = 0;
  /** Characters looked up so far, and whether every row of the table is filled. */
  private scanned = 0;
  private complete = false;

  /** By keyword id: 1 when the keyword belongs to the owner whose occurrences are tracked. */
  private readonly tracked: Uint8Array;

  /** `track`: an owner whose every keyword occurrence lookup() can report (where it ends); `trie`: the entries' trie if built already. */
  constructor(entries: Iterable<{ keywords: readonly string[]; value: T }>, track?: T, trie: KeywordTrie<T> = buildTrie(entries)) {
    const states = trie.parent.length;
    this.edges = trie.edges;
    this.parent = trie.parent;
    this.via = trie.via;
    this.ownStart = trie.ownStart;
    this.ownIds = trie.ownIds;
    this.values = trie.values;
    this.ownerStart = trie.ownerStart;
    this.ownerValues = trie.ownerValues;
    this.keywordCount = trie.ownerStart.length - 1;
    // nothing is known yet but the root: rows are filled the first time the text takes them
    this.delta = new Int32Array(states * WIDTH);
    this.fail = new Int32Array(states);
    this.fail[ROOT] = ROOT;
    this.nextOutput = new Int32Array(states);
    this.hasOutput = new Uint8Array(states);
    // a keyword with no ASCII prefix ends at the root: every text holds it
    this.hasOutput[ROOT] = this.owns(ROOT) ? 1 : 0;
    this.tracked = new Uint8Array(this.keywordCount);
    const trackedIndex = track === undefined ? -1 : this.values.indexOf(track);
    for (let id = 0; id < this.keywordCount; id++) {
      for (let o = this.ownerStart[id]!; o < this.ownerStart[id + 1]!; o++) if (this.ownerValues[o] === trackedIndex) this.tracked[id] = 1;
    }
    this.keywordSeen = new Uint32Array(this.keywordCount);
    this.valueSeen = new Uint32Array(this.values.length);
  }

  /** Whether a state completes keywords of its own. */
  private owns(state: number): boolean {
    return this.ownStart[state + 1]! > this.ownStart[state]!;
  }

  /**
   * The state after `state` on character `c` (ASCII), computed the first time it is taken and
   * kept in the table (both cases of a letter): the trie edge, else the failure state's step.
   * The state reached gets its failure state and output links then, so the lookup loop only
   * ever tests for a row not yet filled.
   */
  private step(state: number, c: number): number {
    const lower = c >= 65 && c <= 90 ? c + 32 : c;
    const child = this.edges.get(state * WIDTH + lower);
    const next = child !== undefined ? child : state === ROOT ? ROOT : this.step(this.failOf(state), lower);
    if (child !== undefined) this.failOf(child);
    const row = state * WIDTH;
    this.delta[row + lower] = next * WIDTH;
    if (lower >= 97 && lower <= 122) this.delta[row + lower - 32] = next * WIDTH;
    return next;
  }

  /** Fill every row (each step fills the failure states it needs first), then mark the entries of states with keywords. */
  private completeTable(): void {
    const { delta, hasOutput } = this;
    const states = this.parent.length;
    for (let state = ROOT; state < states; state++) {
      const row = state * WIDTH;
      for (let c = 0; c < WIDTH; c++) if (delta[row + c] === 0) this.step(state, c);
    }
    for (let i = ROOT * WIDTH; i < delta.length; i++) delta[i]! |= hasOutput[delta[i]! >> SHIFT]!;
    this.complete = true;
  }

  /** A state's failure state (and, once known, its output links), computed on first need. */
  private failOf(state: number): number {
    const known = this.fail[state]!;
    if (known !== 0) return known;
    const parent = this.parent[state]!;
    const f = parent === ROOT ? ROOT : this.step(this.failOf(parent), this.via[state]!);
    this.fail[state] = f;
    this.nextOutput[state] = this.owns(f) ? f * WIDTH : this.nextOutput[f]!;
    this.hasOutput[state] = this.owns(state) || this.hasOutput[f] ? 1 : 0;
    return f;
  }

  /**
   * The owners whose keywords occur in `text`, ignoring ASCII case, each once, in no set order.
   * With `ends`, the tracked owner's keyword occurrences are added to it, in order: the offset of
   * each one's last character (once per offset).
   */
  lookup(text: string, ends?: number[]): T[] {
    const found: T[] = [];
    if (this.keywordCount === 0) return found;
    if (++this.generation === 0xffffffff) {
      this.keywordSeen.fill(0);
      this.valueSeen.fill(0);
      this.generation = 1;
    }
    // a long scan (history) fills the whole table once, then runs the loop without the test for
    // rows not yet filled; a hook's few kilobytes fill only the rows they take
    if (!this.complete && (this.scanned += text.length) > COMPLETE_AFTER) this.completeTable();
    // every occurrence is wanted: the scan goes on past the last new keyword
    let remaining = ends ? -1 : this.keywordCount;
    const { delta, hasOutput } = this;
    let row = ROOT * WIDTH;
    if (this.complete) {
      // each entry holds its state's output mark in bit 0 (rows are multiples of WIDTH): one read a character
      const rootEntry = ROOT * WIDTH + hasOutput[ROOT]!;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        const next = c < WIDTH ? delta[row + c]! : rootEntry;
        row = next & ~1;
        if (next === row) continue;
        remaining -= this.collect(row, found, i, ends);
        if (remaining === 0) break;
      }
      return found;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= WIDTH) row = ROOT * WIDTH;
      else {
        const next = delta[row + c]!;
        row = next !== 0 ? next : this.step(row >> SHIFT, c) * WIDTH;
      }
      if (hasOutput[row >> SHIFT] === 0) continue;
      remaining -= this.collect(row, found, i, ends);
      if (remaining === 0) break;
    }
    return found;
  }

  /**
   * The owners of the keywords state `row` completes at offset `at`, itself and along its failure
   * states; returns how many keywords were new. A tracked keyword among them adds `at` to `ends`.
   */
  private collect(row: number, found: T[], at: number, ends: number[] | undefined): number {
    const { keywordSeen, valueSeen, nextOutput, ownStart, ownIds, ownerStart, ownerValues, tracked, generation: stamp } = this;
    let added = 0;
    let hit = false;
    for (let out = row; out !== 0; out = nextOutput[out >> SHIFT]!) {
      const state = out >> SHIFT;
      for (let k = ownStart[state]!; k < ownStart[state + 1]!; k++) {
        const id = ownIds[k]!;
        if (tracked[id] === 1) hit = true;
        if (keywordSeen[id] === stamp) continue;
        keywordSeen[id] = stamp;
        added++;
        for (let o = ownerStart[id]!; o < ownerStart[id + 1]!; o++) {
          const v = ownerValues[o]!;
          if (valueSeen[v] === stamp) continue;
          valueSeen[v] = stamp;
          found.push(this.values[v]!);
        }
      }
    }
    if (hit && ends) ends.push(at);
    return added;
  }
}
