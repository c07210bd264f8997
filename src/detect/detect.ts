import type { CompiledRule } from '../patterns/types.js';
import type { Candidate } from './types.js';
import type { Fragment } from '../sources/types.js';
import { isMinified, languageOf } from '../util/file-type.js';
import { secretHash } from '../util/fingerprint.js';
import { ownString } from '../util/own-string.js';
import { encodedRuns, encodedSpan } from './decode.js';
import { shannonEntropy } from './entropy.js';
import { GENERIC_PREFILTER, detectGenericLine, type EntropySettings } from './generic.js';
import { isPlaceholder, isTemplate } from './heuristics.js';
import { KeywordIndex } from './keyword-index.js';
import { LineMap } from './location.js';
import { VALIDATORS } from './validators.js';

export interface DetectorOptions {
  rules: readonly CompiledRule[];
  /** undefined turns the generic detector off. */
  entropy: EntropySettings | undefined;
  /** Generic rule ids that are turned off (disabledRules). */
  disabledGeneric?: ReadonlySet<string>;
  /** Also look inside base64 and percent-encoded text (default on). */
  decode?: boolean;
}

/** Compiled once per scan: the rules, their keyword index, the generic detector's settings. */
export class Detector {
  private readonly index: KeywordIndex<CompiledRule>;
  readonly rules: readonly CompiledRule[];
  private readonly options: DetectorOptions;
  private readonly decode: boolean;
  /** Each rule's position in the list: the last tie-breaker between overlapping matches. */
  private readonly order = new Map<CompiledRule, number>();

  constructor(options: DetectorOptions) {
    this.options = options;
    this.decode = options.decode !== false;
    this.rules = options.rules;
    options.rules.forEach((rule, i) => this.order.set(rule, i));
    this.index = new KeywordIndex(options.rules.map((rule) => ({ keywords: rule.keywords, value: rule })));
  }

  /** All candidates in one fragment, overlapping ones resolved to the most specific rule. */
  detect(fragment: Fragment): Candidate[] {
    const map = new LineMap(fragment.text, fragment.startLine);
    const found: Ranked[] = [];
    for (const rule of this.index.lookup(fragment.text)) {
      for (const hit of matchRule(rule, fragment.text)) {
        const c = this.candidate(fragment, map, rule.id, hit.start, hit.end, hit.secret, rulePriority(rule));
        c.context = hit.context;
        c.order = this.order.get(rule) ?? c.order;
        found.push(c);
      }
    }
    // encoded secrets: base64 and percent-encoded runs, reported where the encoded text is
    if (this.decode && !isMinified(fragment.file) && languageOf(fragment.file) !== 'lockfile') {
      for (const run of encodedRuns(fragment.text)) {
        for (const rule of this.index.lookup(run.decoded)) {
          for (const hit of matchRule(rule, run.decoded)) {
            const span = encodedSpan(run, hit.start, hit.end);
            // a rule written for the encoded form keeps precedence over the same rule's decoded match
            const c = this.candidate(fragment, map, rule.id, span.start, span.end, hit.secret, rulePriority(rule) - 0.5);
            c.encoding = run.encoding;
            c.raw = fragment.text.slice(span.start, span.end);
            found.push(c);
          }
        }
      }
    }
    if (this.options.entropy && GENERIC_PREFILTER.test(fragment.text)) {
      const language = languageOf(fragment.file);
      let offset = 0;
      let previous: string | undefined;
      const lines = fragment.text.split('\n');
      for (const raw of lines) {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        const hits = detectGenericLine(line, language, fragment.file, this.options.entropy, previous);
        previous = line;
        for (const hit of hits) {
          if (this.options.disabledGeneric?.has(hit.ruleId)) continue;
          const c = this.candidate(fragment, map, hit.ruleId, offset + hit.start, offset + hit.end, hit.value, 0);
          c.keyName = YAML_LIKE.has(language) ? withYamlParent(hit.keyName, line, map, map.lineIndex(offset)) : hit.keyName;
          found.push(c);
        }
        offset += raw.length + 1;
      }
    }
    return resolveOverlaps(found);
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

/** Catch-all formats (URLs with credentials, Authorization headers, credential files) yield to a provider's own rule on the same text. */
const CATCH_ALL = new Set(['connection-string', 'credential-file', 'generic']);
function rulePriority(rule: CompiledRule): number {
  return CATCH_ALL.has(rule.category) ? 1 : 2;
}

interface RuleHit {
  start: number;
  end: number;
  secret: string;
  /** Length of the whole match, context included: more context is a more specific match. */
  context: number;
}

/** A candidate with what overlap resolution ranks it by. */
type Ranked = Candidate & { start: number; end: number; priority: number; context: number; order: number };

/** Run one rule over a text: regex, secret group, entropy floor, validator, allow list, placeholders. */
export function matchRule(rule: CompiledRule, text: string): RuleHit[] {
  const hits: RuleHit[] = [];
  const regex = rule.regex;
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const group = rule.secretGroup;
    const secret = typeof group === 'number' ? m[group] : m.groups?.[group];
    const span = typeof group === 'number' ? m.indices?.[group] : m.indices?.groups?.[group];
    if (secret === undefined || !span || secret.length === 0) continue;
    if (gluedToTemplate(text, span[0], span[1])) continue;
    if (!acceptSecret(rule, secret)) continue;
    hits.push({ start: span[0], end: span[1], secret, context: m[0].length });
  }
  return hits;
}

/** A value cut short by template syntax ({{ x }}, [[ x ]]) right before or after it is a template, not a secret. */
function gluedToTemplate(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 2);
  const before = text.slice(Math.max(0, start - 2), start);
  return after === '{{' || after === '[[' || after === '${' || before === '}}' || before === ']]';
}

export function acceptSecret(rule: CompiledRule, secret: string): boolean {
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return false;
  if (rule.validate) {
    const validator = VALIDATORS[rule.validate];
    if (validator && !validator(secret)) return false;
  }
  if (rule.allow.some((re) => re.test(secret))) return false;
  if (rule.allowHashes.size && rule.allowHashes.has(secretHash(secret))) return false;
  if (isTemplate(secret)) return false;
  if (!rule.strict && isPlaceholder(secret)) return false;
  return true;
}

/**
 * Keep one candidate per overlapping span: a provider's own rule beats a catch-all one and the
 * generic detector; then the longer secret; then the match that needed more context (the GCS
 * HMAC rule that saw GOOG1… beats a bare secret_access_key); then the rule listed first.
 */
function resolveOverlaps(found: Ranked[]): Candidate[] {
  if (found.length < 2) return found.map(strip);
  found.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || b.context - a.context || a.order - b.order || a.start - b.start);
  const kept: Ranked[] = [];
  for (const c of found) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(strip);
}

function strip(c: Ranked): Candidate {
  const { start: _s, end: _e, priority: _p, context: _c, order: _o, ...rest } = c;
  return rest;
}
