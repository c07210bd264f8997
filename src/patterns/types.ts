/** The shape of one rule as written in patterns/*.json (data, not code). */
export interface PatternRule {
  id: string;
  description: string;
  provider: string;
  category: Category;
  regex: string;
  flags?: string;
  keywords: string[];
  /**
   * A cheaper regex that every match of `regex` also matches (same flags): where it finds nothing,
   * the rule's regex is not run. For rules whose keywords are common words in code.
   */
  requires?: string;
  secretGroup?: number | string;
  entropy?: number;
  /** Named checksum or structure validator applied to the secret (see src/detect/validators.ts). */
  validate?: string;
  /** Regexes that, when one matches the secret, mark it as a documented example or placeholder. */
  allow?: string[];
  /** sha256 of documented example values (published in providers' docs), so none is written here. */
  allowHashes?: string[];
  envVar: string;
  revokeUrl?: string;
  /** Findings of this rule are reported even when the generic placeholder heuristics would drop them. */
  strict?: boolean;
  examples: { match: string[]; noMatch: string[] };
}

export interface PatternFile {
  $schema?: string;
  family: string;
  description?: string;
  rules: PatternRule[];
}

export const CATEGORIES = [
  'cloud',
  'paas',
  'vcs',
  'ci',
  'registry',
  'comms',
  'payments',
  'ai',
  'observability',
  'saas',
  'database',
  'private-key',
  'jwt',
  'connection-string',
  'credential-file',
  'generic',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A rule after validation and compilation: what the detectors run. */
export interface CompiledRule {
  id: string;
  description: string;
  provider: string;
  category: Category;
  regex: RegExp;
  keywords: readonly string[];
  /** PatternRule.requires, compiled: a text it does not match holds no match of the rule. */
  requires: RegExp | undefined;
  secretGroup: number | string;
  entropy: number | undefined;
  validate: string | undefined;
  allow: readonly RegExp[];
  allowHashes: ReadonlySet<string>;
  envVar: string;
  revokeUrl: string | undefined;
  strict: boolean;
  /** Where the rule came from: a pattern file or the user's config. */
  origin: string;
  examples: { match: readonly string[]; noMatch: readonly string[] };
}
