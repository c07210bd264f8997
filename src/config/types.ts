import type { EntropySettings } from '../detect/generic.js';

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
}

export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;
