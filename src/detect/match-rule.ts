import type { CompiledRule } from '../patterns/types.js';
import { secretHash } from '../util/fingerprint.js';
import { shannonEntropy } from './entropy.js';
import { isPlaceholder, isTemplate } from './heuristics.js';
import { VALIDATORS } from './validators.js';

export interface RuleHit {
  start: number;
  end: number;
  secret: string;
  /** Length of the whole match, context included: more context is a more specific match. */
  context: number;
}

/** Told about a match a rule's validator (checksum, structure) turned down: offset of the secret and the validator's name. */
export type OnRejected = (start: number, validator: string) => void;

/** What most runs of a rule find (the keyword was there, the secret not): shared, never added to. */
const NO_HITS: readonly RuleHit[] = Object.freeze([]);

/** Run one rule over a text: regex, secret group, entropy floor, validator, allow list, placeholders. */
export function matchRule(rule: CompiledRule, text: string, onRejected?: OnRejected): readonly RuleHit[] {
  // a cheap necessary condition first (kubernetes-secret-data's keywords are in most code)
  const requires = rule.requires;
  if (requires !== undefined && !requires.test(text)) return NO_HITS;
  const regex = rule.regex;
  regex.lastIndex = 0;
  let m = regex.exec(text);
  if (m === null) return NO_HITS;
  const hits: RuleHit[] = [];
  const group = rule.secretGroup;
  for (; m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const secret = typeof group === 'number' ? m[group] : m.groups?.[group];
    const span = typeof group === 'number' ? m.indices?.[group] : m.indices?.groups?.[group];
    if (secret === undefined || !span || secret.length === 0) continue;
    if (gluedToTemplate(text, span[0], span[1])) continue;
    const verdict = judgeSecret(rule, secret);
    if (verdict === 'validator') onRejected?.(span[0], rule.validate ?? '');
    if (verdict !== undefined) continue;
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
  return judgeSecret(rule, secret) === undefined;
}

/** Why a rule's match is not a secret (the first check it fails), or undefined when it is one. */
function judgeSecret(rule: CompiledRule, secret: string): 'entropy' | 'validator' | 'allowed' | 'template' | 'placeholder' | undefined {
  if (rule.entropy !== undefined && shannonEntropy(secret) < rule.entropy) return 'entropy';
  if (rule.validate) {
    const validator = VALIDATORS[rule.validate];
    if (validator && !validator(secret)) return 'validator';
  }
  if (rule.allow.some((re) => re.test(secret))) return 'allowed';
  if (rule.allowHashes.size && rule.allowHashes.has(secretHash(secret))) return 'allowed';
  if (isTemplate(secret)) return 'template';
  if (!rule.strict && isPlaceholder(secret)) return 'placeholder';
  return undefined;
}
