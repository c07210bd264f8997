import { readFileSync } from 'node:fs';
import { RuleLines } from './rule-lines.js';
import type { Category, CompiledRule, PatternFile } from './types.js';
import { PREBUILT_RULES } from '../util/package-files.js';

/**
 * The built-in rules as the build wrote them (scripts/build-rules.mjs): patterns/*.json validated
 * and normalised by compileRule, without the examples. The hook parses only the first line (ids
 * and keywords, all the keyword prefilter needs); a rule's own line is parsed, and its regexes
 * compiled, when first used; its examples are read from its pattern file when asked for.
 * Beside dist/ only: a checkout's src/ has none, so tests read patterns/ itself.
 */
export { PREBUILT_RULES };

/** One rule in the prebuilt file: CompiledRule's data, with its regexes as source and flags. */
export interface PrebuiltRule {
  id: string;
  description: string;
  provider: string;
  category: Category;
  regex: string;
  flags: string;
  keywords: string[];
  requires?: { source: string; flags: string };
  secretGroup: number | string;
  entropy?: number;
  validate?: string;
  allow: Array<{ source: string; flags: string }>;
  allowHashes: string[];
  envVar: string;
  revokeUrl?: string;
  strict: boolean;
  origin: string;
}

/**
 * The prebuilt file's text: a line of [id, keywords, length of its line] per rule, then a line of
 * JSON per rule; ASCII only (JSON escapes), so it is read as latin1 with no UTF-8 decoding, and
 * the lengths find each rule's line with no pass over the 250 KB for line ends.
 */
export function toPrebuilt(rules: readonly CompiledRule[]): string {
  const lines = rules.map((r) =>
    asciiJson({
      id: r.id,
      description: r.description,
      provider: r.provider,
      category: r.category,
      regex: r.regex.source,
      flags: r.regex.flags,
      keywords: [...r.keywords],
      requires: r.requires && { source: r.requires.source, flags: r.requires.flags },
      secretGroup: r.secretGroup,
      entropy: r.entropy,
      validate: r.validate,
      allow: r.allow.map((a) => ({ source: a.source, flags: a.flags })),
      allowHashes: [...r.allowHashes],
      envVar: r.envVar,
      revokeUrl: r.revokeUrl,
      strict: r.strict,
      origin: r.origin,
    } satisfies PrebuiltRule),
  );
  return [asciiJson(rules.map((r, i) => [r.id, r.keywords, lines[i]!.length])), ...lines, ''].join('\n');
}

/** JSON with every character past ASCII written as a \u escape. */
const asciiJson = (value: unknown): string => JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The prebuilt rules, or undefined when there is no prebuilt file (a checkout's src/). */
export function readPrebuiltRules(file: string, patternsDir: string): CompiledRule[] | undefined {
  let lines: RuleLines;
  try {
    lines = new RuleLines(file);
  } catch {
    return undefined;
  }
  const examples = new Examples(patternsDir);
  let at = lines.bodyStart;
  return (JSON.parse(lines.header) as Array<[string, string[], number]>).map(([id, keywords, length]) => {
    const rule = new BuiltinRule(id, keywords, lines, at, length, examples);
    at += length + 1;
    return rule;
  });
}

/** The examples of each rule, read from its pattern file on first use. */
class Examples {
  private readonly byFile = new Map<string, Map<string, CompiledRule['examples']>>();
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  of(origin: string, id: string): CompiledRule['examples'] {
    let rules = this.byFile.get(origin);
    if (!rules) {
      const file = JSON.parse(readFileSync(this.dir + origin.replace(/^patterns\//, ''), 'utf8')) as PatternFile;
      rules = new Map(file.rules.map((r) => [r.id, { match: r.examples?.match ?? [], noMatch: r.examples?.noMatch ?? [] }]));
      this.byFile.set(origin, rules);
    }
    return rules.get(id) ?? { match: [], noMatch: [] };
  }
}

class BuiltinRule implements CompiledRule {
  readonly id: string;
  readonly keywords: readonly string[];
  /** The prebuilt file, and where the rule's line is in it. */
  private readonly lines: RuleLines;
  private readonly at: number;
  private readonly length: number;
  private raw: PrebuiltRule | undefined;
  private readonly examplesOf: Examples;
  private compiled: RegExp | undefined;
  private allowCompiled: RegExp[] | undefined;
  private hashes: Set<string> | undefined;
  private requiresCompiled: RegExp | null | undefined;

  constructor(id: string, keywords: readonly string[], lines: RuleLines, at: number, length: number, examples: Examples) {
    this.id = id;
    this.keywords = keywords;
    this.lines = lines;
    this.at = at;
    this.length = length;
    this.examplesOf = examples;
  }

  /** The rest of the rule, parsed on first use. */
  private get data(): PrebuiltRule {
    if (this.raw) return this.raw;
    this.raw = JSON.parse(this.lines.read(this.at, this.length)) as PrebuiltRule;
    return this.raw;
  }

  get description(): string {
    return this.data.description;
  }

  get provider(): string {
    return this.data.provider;
  }

  get category(): Category {
    return this.data.category;
  }

  get secretGroup(): number | string {
    return this.data.secretGroup;
  }

  get entropy(): number | undefined {
    return this.data.entropy;
  }

  get validate(): string | undefined {
    return this.data.validate;
  }

  get envVar(): string {
    return this.data.envVar;
  }

  get revokeUrl(): string | undefined {
    return this.data.revokeUrl;
  }

  get strict(): boolean {
    return this.data.strict;
  }

  get origin(): string {
    return this.data.origin;
  }

  get regex(): RegExp {
    return (this.compiled ??= new RegExp(this.data.regex, this.data.flags));
  }

  get requires(): RegExp | undefined {
    if (this.requiresCompiled === undefined) {
      const r = this.data.requires;
      this.requiresCompiled = r ? new RegExp(r.source, r.flags) : null;
    }
    return this.requiresCompiled ?? undefined;
  }

  get allow(): readonly RegExp[] {
    return (this.allowCompiled ??= this.data.allow.map((a) => new RegExp(a.source, a.flags)));
  }

  get allowHashes(): ReadonlySet<string> {
    return (this.hashes ??= new Set(this.data.allowHashes));
  }

  get examples(): CompiledRule['examples'] {
    return this.examplesOf.of(this.origin, this.id);
  }
}
