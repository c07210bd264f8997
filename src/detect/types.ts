import type { CommitInfo } from '../sources/types.js';

/** What a detector found, before filters: data only, with the raw secret (never printed as is). */
export interface Candidate {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The raw secret. Only findings/redact.ts and util/fingerprint.ts look at it. */
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

/**
 * A match a rule's validator (checksum, structure) turned down: told in --verbose, so a token
 * dropped as fake leaves a trace. Data only: where it was, never the value.
 */
export type DetectNotice = { code: 'validator-rejected'; ruleId: string; validator: string; file: string; line: number; commit?: string };
