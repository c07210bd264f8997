import { PatternError } from '../errors.js';
import { CATEGORIES, type CompiledRule, type PatternRule } from './types.js';
import { countGroups, findNestedQuantifier, findUnboundedQuantifier } from './regex-safety.js';

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ENV_VAR = /^[A-Z][A-Z0-9_]*$/;
const ALLOWED_FLAGS = /^[imsu]*$/;

export interface CompileOptions {
  /** Where the rule was read from, for error messages: "patterns/github.json" or ".leakguardrc". */
  origin: string;
  /** Built-in rules need keywords; user rules are checked for nested quantifiers. */
  builtin: boolean;
  /** Reject unbounded quantifiers (the meta test holds built-in rules to this). */
  checkBounded?: boolean;
}

/**
 * Validate one raw rule and compile it. Throws a PatternError that names the rule and the origin,
 * so that a broken rule in a user's config is an exit-2 message, not a crash.
 */
export function compileRule(raw: unknown, opts: CompileOptions): CompiledRule {
  const where = (id: string | undefined, field: string, expected: string): PatternError =>
    new PatternError(
      `Rule ${id ? `"${id}"` : '(without an id)'} in ${opts.origin} has an invalid "${field}": expected ${expected}; fix that field or remove the rule.`,
    );
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new PatternError(`A rule in ${opts.origin} is not an object; each rule must be an object such as {"id": "my-token", "description": "...", "regex": "..."}.`);
  }
  const r = raw as Partial<PatternRule> & Record<string, unknown>;
  const id = typeof r.id === 'string' ? r.id : undefined;
  if (!id || !ID.test(id)) throw where(id, 'id', 'a kebab-case string such as "acme-api-token"');
  // a user's rule may leave the description out (it is then named after its id); a built-in one may not
  const description = r.description ?? (opts.builtin ? undefined : `Secret matched by custom rule ${id}`);
  if (typeof description !== 'string' || description.trim() === '') throw where(id, 'description', 'a non-empty string');
  if (typeof r.regex !== 'string' || r.regex === '') throw where(id, 'regex', 'a non-empty string');
  const flags = r.flags ?? '';
  if (typeof flags !== 'string' || !ALLOWED_FLAGS.test(flags)) throw where(id, 'flags', 'a string made of i, m, s and u');
  const keywords = r.keywords ?? [];
  if (!Array.isArray(keywords) || keywords.some((k) => typeof k !== 'string' || k.length === 0)) {
    throw where(id, 'keywords', 'an array of non-empty strings');
  }
  if (opts.builtin && keywords.length === 0) throw where(id, 'keywords', 'at least one keyword for the prefilter');
  const category = r.category ?? 'generic';
  if (!CATEGORIES.includes(category)) throw where(id, 'category', `one of ${CATEGORIES.join(', ')}`);
  // a rule without envVar is named after its id: acme-key -> ACME_KEY
  const envVar = r.envVar ?? (/^[a-z]/.test(id) ? id.toUpperCase().replace(/-/g, '_') : `SECRET_${id.toUpperCase().replace(/-/g, '_')}`);
  if (typeof envVar !== 'string' || !ENV_VAR.test(envVar)) throw where(id, 'envVar', 'an UPPER_SNAKE_CASE name such as "ACME_API_TOKEN"');
  if (r.entropy !== undefined && (typeof r.entropy !== 'number' || r.entropy < 0 || r.entropy > 8)) {
    throw where(id, 'entropy', 'a number of bits per character between 0 and 8');
  }

  // built-in rules are held to these checks by test/patterns/meta.test.ts, not at every start
  const nested = opts.builtin ? undefined : findNestedQuantifier(r.regex);
  if (nested) {
    throw new PatternError(`Rule "${id}" in ${opts.origin} has a regex that can backtrack catastrophically (${nested}); bound the inner repetition, for example [a-z]{1,40} instead of [a-z]+.`);
  }
  if (opts.checkBounded) {
    const unbounded = findUnboundedQuantifier(r.regex);
    if (unbounded) throw where(id, 'regex', `bounded quantifiers only (found "${unbounded}"); use {0,N} instead of * or +`);
  }

  // a user's regex is compiled now, so a broken one is a message before the scan; a built-in
  // one (compiled by the meta test) when a keyword first selects it: most never run in a hook
  const source = r.regex;
  const compile = (): RegExp => {
    try {
      return new RegExp(source, `${flags}gd`);
    } catch (error) {
      throw new PatternError(`Rule "${id}" in ${opts.origin} has a regex that does not compile (${(error as Error).message}); fix the regex or remove the rule.`);
    }
  };
  let regex: RegExp | undefined = opts.builtin && !opts.checkBounded ? undefined : compile();
  const secretGroup = r.secretGroup ?? 0;
  // built-in rules are checked by the meta test (checkBounded); the hook does not pay for it
  const groupCount = opts.builtin && !opts.checkBounded ? Infinity : countGroups(r.regex);
  if (typeof secretGroup === 'number') {
    if (!Number.isInteger(secretGroup) || secretGroup < 0 || secretGroup > groupCount) {
      throw where(id, 'secretGroup', `a capture group number between 0 and ${groupCount}`);
    }
  } else if (typeof secretGroup !== 'string' || !r.regex.includes(`(?<${secretGroup}>`)) {
    throw where(id, 'secretGroup', 'a group number or the name of a named group in the regex');
  }
  let requires: RegExp | undefined;
  if (r.requires !== undefined) {
    if (typeof r.requires !== 'string' || r.requires === '') throw where(id, 'requires', 'a non-empty regex string');
    const unsafe = opts.builtin ? undefined : findNestedQuantifier(r.requires);
    if (unsafe) throw where(id, 'requires', `a regex without nested repetition (found ${unsafe})`);
    try {
      requires = new RegExp(r.requires, flags);
    } catch (error) {
      throw where(id, 'requires', `a regex that compiles (${(error as Error).message})`);
    }
  }
  const allow = (r.allow ?? []).map((source, i) => {
    try {
      return new RegExp(source);
    } catch (error) {
      throw where(id, `allow[${i}]`, `a regex that compiles (${(error as Error).message})`);
    }
  });
  const allowHashes = r.allowHashes ?? [];
  if (!Array.isArray(allowHashes) || allowHashes.some((h) => typeof h !== 'string' || !/^[0-9a-f]{64}$/.test(h))) {
    throw where(id, 'allowHashes', 'an array of sha256 hex digests (64 lower-case hex characters)');
  }
  const examples = r.examples ?? { match: [], noMatch: [] };
  return {
    id,
    description,
    provider: typeof r.provider === 'string' ? r.provider : 'custom',
    category,
    get regex(): RegExp {
      return (regex ??= compile());
    },
    keywords: [...new Set(keywords.map((k) => k.toLowerCase()))],
    requires,
    secretGroup,
    entropy: r.entropy,
    validate: r.validate,
    allow,
    allowHashes: new Set(allowHashes),
    envVar,
    revokeUrl: r.revokeUrl,
    strict: r.strict === true,
    origin: opts.origin,
    examples: { match: examples.match ?? [], noMatch: examples.noMatch ?? [] },
  };
}
