import type { Language } from '../util/file-type.js';

/**
 * `leakguard fix` as data. Planning is pure (finding + suggestion -> an edit, or the reason there
 * is none); src/fix/apply.ts does the writing. Reasons are codes: src/messages.ts words them.
 */
export type FixReason =
  | 'json'
  | 'lockfile'
  | 'secrets-file'
  | 'docs'
  | 'dockerfile'
  | 'notebook'
  | 'xml-no-env'
  | 'kubernetes-shape'
  | 'unsupported-language'
  | 'multi-line'
  | 'encoded'
  | 'not-in-literal'
  | 'escapes'
  | 'string-prefix'
  | 'partial-value'
  | 'unsafe-value'
  | 'ignored-file'
  | 'worktree-differs'
  | 'not-utf8'
  | 'symlink'
  | 'constant';

/** What a rewritten line needs elsewhere in the file to work (an import, a declaration). */
export type Need = 'python-os' | 'notebook-os' | 'go-os' | 'csharp-system' | `tf-var:${string}` | 'go-const';

export type LineRewrite = { ok: true; text: string; needs: Need[] } | { ok: false; reason: FixReason };

/** The part of a finding that planning reads. */
export interface FixTarget {
  file: string;
  /** 1-based line and column of the secret in the text being planned. */
  line: number;
  column: number;
  endLine: number;
  secret: string;
  /** The text at the position when it differs from `secret` (an encoded finding). */
  raw?: string | undefined;
  kind: 'secret' | 'ignored-secrets-file';
  language: Language;
  /** The variable name the suggestion gives. */
  envVar: string;
  lineText: string;
  ruleId: string;
}

/** One value that moves to the env file. */
export interface EnvEntry {
  name: string;
  value: string;
}

export interface Fixed {
  target: FixTarget;
  /** The variable the code reads now, and the env-file entry that holds the value. */
  name: string;
  envName: string;
}

export interface Left {
  target: FixTarget;
  reason: FixReason;
}

/** The edit to one text (a working-tree file or an index blob). */
export interface TextEdit {
  before: string;
  after: string;
  fixed: Fixed[];
  left: Left[];
}
