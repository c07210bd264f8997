import type { Finding } from '../findings/types.js';
import type { Language } from '../util/file-type.js';
import { isCodeLanguage, rewriteCode } from './rewrite-code.js';
import { rewriteConfig } from './rewrite-config.js';
import { rewriteNotebookLine } from './rewrite-notebook.js';
import type { FixReason, FixTarget, LineRewrite } from './types.js';

/**
 * One finding, one line: the rewritten line, or the reason leakguard leaves it to the user.
 * Pure, and decidable from the finding alone, so the hook can say whether `leakguard fix`
 * would resolve everything it blocks.
 */
export function rewriteLine(line: string, t: FixTarget, name: string): LineRewrite {
  const early = leftAlone(t);
  if (early) return { ok: false, reason: early };
  const start = t.column - 1;
  if (line.slice(start, start + t.secret.length) !== t.secret) return { ok: false, reason: 'worktree-differs' };
  if (t.language === 'notebook') return rewriteNotebookLine(line, start, t.secret, name);
  return isCodeLanguage(t.language) ? rewriteCode(line, start, t.secret, t.language, name) : rewriteConfig(line, start, t.secret, t.language, name, t.file);
}

/** Reasons that do not depend on the line's syntax. */
function leftAlone(t: FixTarget): FixReason | undefined {
  if (t.kind === 'ignored-secrets-file') return 'ignored-file';
  if (t.endLine !== t.line || t.secret.includes('\n')) return 'multi-line';
  if (t.raw !== undefined && t.raw !== t.secret) return 'encoded';
  switch (t.language) {
    case 'json':
      return 'json';
    case 'lockfile':
      return 'lockfile';
    case 'dotenv':
      return 'secrets-file';
    case 'markdown':
    case 'text':
      return 'docs';
    case 'dockerfile':
      return 'dockerfile';
    default:
      break;
  }
  if (/[\r\n\0]/.test(t.secret)) return 'unsafe-value';
  return undefined;
}

/** Whether `leakguard fix` can rewrite this finding (the hook's hint): tried on its own line. */
export function fixable(f: Finding): boolean {
  const t = fixTarget(f);
  return rewriteLine(t.lineText.replace(/\r$/, ''), t, t.envVar).ok;
}

/** The part of a finding that planning reads. */
export function fixTarget(f: Finding): FixTarget {
  return {
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    secret: f.secret,
    raw: f.raw,
    kind: f.kind,
    language: f.suggestion.language as Language,
    envVar: f.suggestion.envVar,
    lineText: f.lineText,
    ruleId: f.ruleId,
  };
}
