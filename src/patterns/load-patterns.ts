import { readdirSync, readFileSync } from 'node:fs';
import { PatternError } from '../errors.js';
import { compileRule } from './compile-rule.js';
import { PREBUILT_RULES, readPrebuiltRules } from './prebuilt-rules.js';
import type { CompiledRule, PatternFile } from './types.js';
import { PATTERNS_DIR } from '../util/package-files.js';

/** The patterns/ folder shipped beside dist/ (and beside src/ in a checkout). */
export { PATTERNS_DIR };

let cache: CompiledRule[] | undefined;

/**
 * Every built-in rule, once per process: from the build's prebuilt file when there is one (see
 * prebuilt-rules.ts), else read, validated and compiled from `dir`.
 */
export function loadBuiltinRules(dir = PATTERNS_DIR): CompiledRule[] {
  if (dir !== PATTERNS_DIR) return compilePatternFiles(dir);
  cache ??= readPrebuiltRules(PREBUILT_RULES, PATTERNS_DIR) ?? compilePatternFiles(PATTERNS_DIR);
  return cache;
}

/** Read, validate and compile the rules of every pattern file in `dir`. */
export function compilePatternFiles(dir: string): CompiledRule[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && n !== 'schema.json').sort();
  } catch (error) {
    throw new PatternError(`The built-in rules folder ${dir} cannot be read (${(error as Error).message}); reinstall leakguard.`);
  }
  const rules: CompiledRule[] = [];
  const ids = new Set<string>();
  for (const name of names) {
    const origin = `patterns/${name}`;
    let file: PatternFile;
    try {
      file = JSON.parse(readFileSync(dir + name, 'utf8')) as PatternFile;
    } catch (error) {
      throw new PatternError(`The rule file ${origin} is not valid JSON (${(error as Error).message}); fix it or reinstall leakguard.`);
    }
    if (!Array.isArray(file.rules)) throw new PatternError(`The rule file ${origin} has no "rules" array; add one or remove the file.`);
    for (const raw of file.rules) {
      const rule = compileRule(raw, { origin, builtin: true });
      if (ids.has(rule.id)) throw new PatternError(`The rule id "${rule.id}" in ${origin} is used twice; give one of them another id.`);
      ids.add(rule.id);
      rules.push(rule);
    }
  }
  return rules;
}
