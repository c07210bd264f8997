/**
 * The generic detector: secrets with no known format, found by the name they are assigned to
 * (db_password = "...", "apiKey": "...", <password>...</password>, --token ...) and kept only
 * when the value is not a placeholder, a reference or words. One module per context family it
 * reads lives in generic/ (assignment.ts: =, :, flags, quoted keys; structured.ts: XML and
 * Kubernetes env lists; calls.ts: SQL, commands, calls, setters, builders; key-names.ts: which
 * names hold secrets; keep-value.ts: which values to report); this module runs them over a line
 * and is the interface the rest of leakguard uses.
 */
import { isMinified, type Language } from '../util/file-type.js';
import { assignments } from './generic/assignment.js';
import { byteArrays, envListPair, xmlAssignments } from './generic/structured.js';
import { rejectValue } from './generic/keep-value.js';
import { classifyKey, valueKind } from './generic/key-names.js';
import { POSITIONAL_PREFILTER, flagArguments, positional, setterCalls } from './generic/calls.js';
import type { EntropySettings, GenericHit, Pair, Parsed } from './generic/types.js';

export type { EntropySettings } from '../config/types.js';
export type { GenericHit } from './generic/types.js';
export { classifyKey } from './generic/key-names.js';
export { rejectValue } from './generic/keep-value.js';

/** Whether a fragment can hold any generic finding at all (checked once, before its lines). */
export const GENERIC_PREFILTER = /pass|pwd|pw(?![a-z])|secret|token|key|auth|cred|salt|sign|private|bearer|cipher|seed|verifier|ticket|identified|mysql|getconnection|login|securestring/i;

const LINE_PREFILTER = /pass|pwd|pw(?![a-z])|secret|token|key|auth|cred|salt|sign|private|bearer|cipher|seed|verifier|ticket/i;

const OBJECT_NAME_CONTEXTS = new Set<Language>(['yaml', 'kubernetes', 'docker-compose', 'github-actions', 'gitlab-ci', 'markdown', 'text']);

/** A comment after the value that says it stands in for one: # Replace with an actual password. */
const SAYS_PLACEHOLDER = /(?:#|\/\/|--|\/\*)\s{0,3}(?:todo:?\s{0,3})?(?:replace|change\s(?:this|me|it)|(?:an?\s)?(?:example|placeholder|dummy|fake)\b|not\s(?:a\s)?real|use\syour\sown)/i;

/** In Kubernetes and Helm YAML (and their docs), secret: root-ca names a Secret object (a DNS-1123 name), it holds none. */
function namesAnObject(value: string): boolean {
  return value.length <= 253 && value.includes('-') && /^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)+$/.test(value);
}

/** Why a value is not reported; a byte array is a generated key, never a chosen password, so its bytes are judged as hex. */
function rejectParsed(parsed: Parsed, kind: string, settings: EntropySettings): boolean {
  if (parsed.judged === undefined) return rejectValue(parsed.value, settings, kind) !== undefined;
  return kind === 'generic-password' || rejectValue(parsed.judged, settings, 'generic-token') !== undefined;
}

/** Whether the line holds `n` commas or more (a byte array of 8 values has 7). */
function commasAtLeast(line: string, n: number): boolean {
  for (let i = line.indexOf(','); i !== -1; i = line.indexOf(',', i + 1)) if (--n === 0) return true;
  return false;
}

/** Every name/value pair the context readers find on one line. */
function pairsOf(line: string, language: Language): Pair[] {
  if (!LINE_PREFILTER.test(line) && !POSITIONAL_PREFILTER.test(line)) return [];
  const pairs = [...assignments(line, language), ...positional(line), ...setterCalls(line), ...flagArguments(line)];
  if (line.includes('</') || line.includes('value=')) pairs.push(...xmlAssignments(line));
  if ((line.includes('{') || line.includes('[')) && commasAtLeast(line, 7)) pairs.push(...byteArrays(line));
  return pairs;
}

/** Run the generic detector over one line (`previous` is the line before, when known). */
export function detectGenericLine(line: string, language: Language, file: string, settings: EntropySettings, previous?: string): GenericHit[] {
  if (line.length > settings.maxLineLength || language === 'lockfile' || isMinified(file)) return [];
  const envPair = envListPair(line, language, previous);
  if (envPair) {
    const ruleId = classifyKey(envPair.key);
    const { value, start, end } = envPair.parsed;
    if (ruleId && !rejectValue(value, settings, valueKind(ruleId, envPair.key))) return [{ ruleId, keyName: envPair.key, start, end, value }];
  }
  const hits: GenericHit[] = [];
  const taken = new Set<number>();
  for (const { key, parsed } of pairsOf(line, language)) {
    const ruleId = classifyKey(key);
    if (!ruleId || taken.has(parsed.start)) continue;
    // SQL's KEY `idx_name` (...) names an index
    if (language === 'sql' && /^key$/i.test(key)) continue;
    const value = parsed.value;
    const kind = valueKind(ruleId, key);
    if (kind === 'chosen-secret' && OBJECT_NAME_CONTEXTS.has(language) && namesAnObject(value)) continue;
    if (rejectParsed(parsed, kind, settings) || SAYS_PLACEHOLDER.test(line.slice(parsed.end))) continue;
    taken.add(parsed.start);
    hits.push({ ruleId, keyName: key, start: parsed.start, end: parsed.end, value });
  }
  return hits;
}
