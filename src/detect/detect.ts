import type { CompiledRule } from '../patterns/types.js';
import type { Candidate, DetectNotice } from './types.js';
import type { Fragment } from '../sources/types.js';
import { isMinified, languageOf, type Language } from '../util/file-type.js';
import { ownString } from '../util/own-string.js';
import { encodedRuns, encodedSpan } from './decode.js';
import { GENERIC_PREFILTER, type EntropySettings } from './generic.js';
import { genericHits, keywordEnds } from './generic-lines.js';
import { KeywordIndex } from './keyword-index.js';
import type { KeywordTrie, PrebuiltTrie } from './keyword-trie.js';
import { literalAlternatives } from './literal-words.js';
import { LineMap } from './location.js';
import { matchRule, type OnRejected } from './match-rule.js';
import { resolveOverlaps, rulePriority, type Ranked } from './overlaps.js';

export { acceptSecret, matchRule } from './match-rule.js';

export interface DetectorOptions {
  rules: readonly CompiledRule[];
  /** undefined turns the generic detector off. */
  entropy: EntropySettings | undefined;
  /** Generic rule ids that are turned off (disabledRules). */
  disabledGeneric?: ReadonlySet<string>;
  /** Also look inside base64 and percent-encoded text (default on). */
  decode?: boolean;
  /** The build's trie of the built-in rules' keywords: used when `rules` are exactly those. */
  prebuilt?: PrebuiltTrie | undefined;
}

/** GENERIC_PREFILTER's words, which the keyword index holds for the generic detector (the build's trie too). */
export const GENERIC_KEYWORDS: readonly string[] | undefined = literalAlternatives(GENERIC_PREFILTER);

/** Stands for the generic detector's keywords in the keyword index. */
const GENERIC = Symbol('generic keywords');
type IndexEntry = CompiledRule | typeof GENERIC;

/** Compiled once per scan: the rules, their keyword index, the generic detector's settings. */
export class Detector {
  /** The rules' keywords, and GENERIC_PREFILTER's when it is a plain word list: one pass finds both. */
  private readonly index: KeywordIndex<IndexEntry>;
  private readonly genericInIndex: boolean;
  readonly rules: readonly CompiledRule[];
  private readonly options: DetectorOptions;
  private readonly decode: boolean;
  /** Each rule's position in the list: the last tie-breaker between overlapping matches. */
  private readonly order = new Map<CompiledRule, number>();
  /** Rules without keywords: no prefilter can select them, so they run on every fragment. */
  private readonly everywhere: readonly CompiledRule[];
  /** What the last fragment's file is (fragments of one file come in a row). */
  private lastFile: string | undefined;
  private lastLanguage: Language = 'other' as Language;
  private lastDecodes = true;
  /** Where the generic keywords end in the fragment being read (reused: no array per fragment). */
  private readonly genericEnds: number[] = [];

  constructor(options: DetectorOptions) {
    this.options = options;
    this.decode = options.decode !== false;
    this.rules = options.rules;
    options.rules.forEach((rule, i) => this.order.set(rule, i));
    const keyed = options.rules.filter((rule) => rule.keywords.length > 0);
    this.everywhere = options.rules.filter((rule) => rule.keywords.length === 0);
    const entries: Array<{ keywords: readonly string[]; value: IndexEntry }> = keyed.map((rule) => ({ keywords: rule.keywords, value: rule }));
    const genericWords = options.entropy ? GENERIC_KEYWORDS : undefined;
    if (genericWords) entries.push({ keywords: genericWords, value: GENERIC });
    this.genericInIndex = genericWords !== undefined;
    // the generic keywords' occurrences give the generic detector its lines
    this.index = new KeywordIndex(entries, GENERIC, prebuiltFor(options.prebuilt, keyed, genericWords));
  }

  /**
   * All candidates in one fragment, overlapping ones resolved to the most specific rule. Matches
   * a rule's validator turned down are added to `rejected` when it is given (--verbose).
   */
  detect(fragment: Fragment, rejected?: DetectNotice[]): Candidate[] {
    const text = fragment.text;
    // most fragments have no match: their line starts are never needed
    let lines: LineMap | undefined;
    const map = (): LineMap => (lines ??= new LineMap(text, fragment.startLine));
    const found: Ranked[] = [];
    this.fileFacts(fragment.file);
    const ends = this.genericEnds;
    ends.length = 0;
    const selected = this.selected(text, this.genericInIndex ? ends : undefined);
    for (const rule of selected.rules) {
      const onRejected: OnRejected | undefined = rejected && ((start, validator) => rejected.push(this.rejection(fragment, map(), rule.id, start, validator)));
      for (const hit of matchRule(rule, text, onRejected)) {
        const c = this.candidate(fragment, map(), rule.id, hit.start, hit.end, hit.secret, rulePriority(rule));
        c.context = hit.context;
        c.order = this.order.get(rule) ?? c.order;
        found.push(c);
      }
    }
    // encoded secrets: base64 and percent-encoded runs, reported where the encoded text is
    if (this.decode && this.lastDecodes) {
      for (const run of encodedRuns(text)) {
        for (const rule of this.selected(run.decoded).rules) {
          for (const hit of matchRule(rule, run.decoded)) {
            const span = encodedSpan(run, hit.start, hit.end);
            // a rule written for the encoded form keeps precedence over the same rule's decoded match
            const c = this.candidate(fragment, map(), rule.id, span.start, span.end, hit.secret, rulePriority(rule) - 0.5);
            c.encoding = run.encoding;
            c.raw = text.slice(span.start, span.end);
            found.push(c);
          }
        }
      }
    }
    const settings = this.options.entropy;
    // the generic detector finds nothing in text without one of its keywords
    if (settings && (this.genericInIndex ? selected.generic : GENERIC_PREFILTER.test(text))) {
      const language = this.lastLanguage;
      const lineMap = map();
      genericHits(this.genericInIndex ? ends : keywordEnds(text), lineMap, language, fragment.file, settings, (hit, index, line) => {
        if (this.options.disabledGeneric?.has(hit.ruleId)) return;
        const offset = lineMap.lineStart(index);
        const c = this.candidate(fragment, lineMap, hit.ruleId, offset + hit.start, offset + hit.end, hit.value, 0);
        c.keyName = YAML_LIKE.has(language) ? withYamlParent(hit.keyName, line, lineMap, index) : hit.keyName;
        found.push(c);
      });
    }
    return resolveOverlaps(found);
  }

  /** The rules a text's keywords select, and those that run everywhere; and whether it holds a generic keyword (where each ends, into `genericEnds`). */
  private selected(text: string, genericEnds?: number[]): { rules: readonly CompiledRule[]; generic: boolean } {
    const found = this.index.lookup(text, genericEnds);
    const generic = found.includes(GENERIC);
    // without GENERIC in it, the list holds rules only
    const rules = generic ? found.filter((e): e is CompiledRule => e !== GENERIC) : (found as CompiledRule[]);
    return { rules: this.everywhere.length ? [...rules, ...this.everywhere] : rules, generic };
  }

  private fileFacts(file: string): void {
    if (file === this.lastFile) return;
    this.lastFile = file;
    this.lastLanguage = languageOf(file);
    this.lastDecodes = !isMinified(file) && this.lastLanguage !== 'lockfile';
  }

  private rejection(fragment: Fragment, map: LineMap, ruleId: string, start: number, validator: string): DetectNotice {
    const r: DetectNotice = { code: 'validator-rejected', ruleId, validator, file: fragment.file, line: map.position(start).line };
    if (fragment.commit) r.commit = fragment.commit.sha;
    return r;
  }

  private candidate(fragment: Fragment, map: LineMap, ruleId: string, start: number, end: number, secret: string, priority: number): Ranked {
    const from = map.position(start);
    const to = map.position(Math.max(start, end - 1));
    const index = map.lineIndex(start);
    const c: Ranked = {
      ruleId,
      file: fragment.file,
      line: from.line,
      column: from.column,
      endLine: to.line,
      endColumn: to.column + 1,
      secret: ownString(secret),
      lineText: ownString(map.lineText(index) ?? ''),
      previousLineText: ((t) => (t === undefined ? undefined : ownString(t)))(map.lineText(index - 1)),
      kind: 'secret',
      start,
      end,
      priority,
      context: 0,
      order: Number.MAX_SAFE_INTEGER,
    };
    if (fragment.commit) c.commit = fragment.commit;
    return c;
  }
}

/** The build's trie with the rules for values, when it was built from these entries; else undefined. */
function prebuiltFor(prebuilt: PrebuiltTrie | undefined, keyed: readonly CompiledRule[], genericWords: readonly string[] | undefined): KeywordTrie<IndexEntry> | undefined {
  const generic = genericWords ?? [];
  if (!prebuilt || prebuilt.ids.length !== keyed.length || prebuilt.generic.join('|') !== generic.join('|')) return undefined;
  if (!keyed.every((rule, i) => rule.id === prebuilt.ids[i])) return undefined;
  return { ...prebuilt.trie, values: prebuilt.trie.values.map((i): IndexEntry => (i < keyed.length ? keyed[i]! : GENERIC)) };
}

const YAML_LIKE = new Set(['yaml', 'docker-compose', 'kubernetes', 'github-actions', 'gitlab-ci']);

/** In YAML, `password:` under `db:` is the database password: name it DB_PASSWORD. */
function withYamlParent(key: string, line: string, map: LineMap, index: number): string {
  const indent = /^\s*/.exec(line)![0].length;
  if (indent === 0 || /[_.-]/.test(key) || /[a-z][A-Z]/.test(key)) return key;
  for (let i = index - 1; i >= 0; i--) {
    const text = map.lineText(i) ?? '';
    const m = /^(\s*)(?:- )?([A-Za-z][\w-]{0,40}):\s*$/.exec(text);
    if (!text.trim()) continue;
    const lineIndent = /^\s*/.exec(text)![0].length;
    if (lineIndent >= indent) continue;
    return m ? `${m[2]}_${key}` : key;
  }
  return key;
}
