import type { CommitInfo } from '../sources/types.js';

/** What a detector found, before filters: data only, with the raw secret (never printed as is). */
export interface Candidate {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The raw secret. Only findings/redact.ts and findings/fingerprint.ts look at it. */
  secret: string;
  /** The full text of the line the secret starts on. */
  lineText: string;
  /** The text of the line before (for allow-next-line directives), when known. */
  previousLineText: string | undefined;
  /** For generic findings, the name the value was assigned to (db_password). */
  keyName?: string;
  /** The secret was found by decoding the text at this position. */
  encoding?: 'base64' | 'percent';
  /** The text at the position as written in the file, when it differs from `secret` (encoded). */
  raw?: string;
  commit?: CommitInfo;
  /** Findings about the file itself (a force-added .env) have no secret position. */
  kind: 'secret' | 'ignored-secrets-file';
}

export interface Suggestion {
  envVar: string;
  /** How to read the variable in the file's language: process.env.STRIPE_SECRET_KEY. */
  replacement: string;
  language: string;
  /** Where the value should live instead, with a note on whether .gitignore covers it. */
  storeIn: string;
  storeInIgnored: boolean | undefined;
  /** A line to add to .gitignore when the suggested store is not ignored yet. */
  gitignoreLine?: string;
  /** Extra advice specific to the file type (Dockerfile build secrets, .env.example). */
  note?: string;
}

export interface Finding extends Candidate {
  description: string;
  provider: string;
  category: string;
  revokeUrl: string | undefined;
  fingerprint: string;
  secretHash: string;
  suggestion: Suggestion;
  /** The file is excluded by .gitignore and was added anyway (git add -f). */
  gitignored: boolean;
}

export interface Suppressed {
  finding: Finding;
  /** Which filter dropped it: "inline:leakguard:allow", "allowlist.paths[0]", "baseline". */
  reason: string;
}
