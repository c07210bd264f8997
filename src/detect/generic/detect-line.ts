import { isMinified, type Language } from '../../util/file-type.js';
import { assignments } from './assignment.js';
import { envListPair } from './env-list.js';
import { rejectValue } from './keep-value.js';
import { classifyKey, valueKind } from './key-names.js';
import { POSITIONAL_PREFILTER, positional } from './positional.js';
import { setterCalls } from './setter.js';
import type { EntropySettings, GenericHit, Pair } from './types.js';
import { xmlAssignments } from './xml.js';

const LINE_PREFILTER = /pass|pwd|pw(?![a-z])|secret|token|key|auth|cred|salt|sign|private|bearer|cipher|seed|verifier|ticket/i;

/** Every name/value pair the context readers find on one line. */
function pairsOf(line: string, language: Language): Pair[] {
  if (!LINE_PREFILTER.test(line) && !POSITIONAL_PREFILTER.test(line)) return [];
  const pairs = [...assignments(line, language), ...positional(line), ...setterCalls(line)];
  if (line.includes('</') || line.includes('value=')) pairs.push(...xmlAssignments(line));
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
    if (rejectValue(value, settings, valueKind(ruleId, key))) continue;
    taken.add(parsed.start);
    hits.push({ ruleId, keyName: key, start: parsed.start, end: parsed.end, value });
  }
  return hits;
}
