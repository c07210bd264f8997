/** One allowlist: what it matches, optionally limited to some rule ids. */
export interface Allowlist {
  description?: string;
  /** Only findings of these rules are allowed by this list; empty means every rule. */
  rules: string[];
  paths: string[];
  regexes: Array<{ regex: RegExp; source: string; target: 'secret' | 'line' }>;
  /** Exact secrets, or sha256:<hex> of them. */
  values: string[];
  /** Where the list was declared, for --show-suppressed: "allowlist" or "allowlists[2]". */
  origin: string;
}

export interface Config {
  /** The file the config came from, or undefined for defaults. */
  filepath: string | undefined;
  rules: unknown[];
  disabledRules: string[];
  allowlists: Allowlist[];
  entropy: EntropySettings;
  /** Skip files (or a file's added text) larger than this many bytes. */
  maxFileSize: number;
  baseline: string | undefined;
  /** Where `leakguard fix` writes the values it moves (default .env at the repository root). */
  envFile: string | undefined;
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/** The generic detector's thresholds (config key `entropy`). */
export interface EntropySettings {
  /** Shortest value considered (characters). */
  minLength: number;
  /** Entropy as a share of a random string's of the same length and charset (0..1). */
  minRelative: number;
  /** Floors in bits per character by charset, for values of 20 characters and more. */
  hex: number;
  base64: number;
  alnum: number;
  printable: number;
  /** Lines longer than this are not read by the generic detector (minified code, data blobs). */
  maxLineLength: number;
}

export const DEFAULT_ENTROPY: EntropySettings = {
  minLength: 8,
  minRelative: 0.78,
  hex: 3.0,
  base64: 3.6,
  alnum: 3.4,
  printable: 3.4,
  maxLineLength: 4000,
};

/** What loading the config tells the user (the CLI's messages module words them). */
export type ConfigNotice = { code: 'code-config-ignored'; file: string } | { code: 'config-loaded'; file: string };
