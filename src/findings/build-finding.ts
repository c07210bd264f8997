import type { Candidate } from '../detect/types.js';
import { GENERIC_RULES } from '../patterns/generic-rules.js';
import type { CompiledRule } from '../patterns/types.js';
import { suggest } from '../suggest/env-var.js';
import { fingerprint, secretHash } from '../util/fingerprint.js';
import type { Finding } from './types.js';

export interface FindingContext {
  /** Whether .env at the repository root is ignored by git; undefined outside a repo. */
  envFileIgnored: boolean | undefined;
  /** Whether .gitignore excludes the candidate's file (it was added with git add -f). */
  gitignored: boolean;
}

/** A candidate becomes a finding: the rule's metadata, the fingerprint and the fix. Pure. */
export function buildFinding(c: Candidate, rule: CompiledRule | undefined, ctx: FindingContext): Finding {
  const generic = GENERIC_RULES.find((g) => g.id === c.ruleId);
  const description =
    c.kind === 'ignored-secrets-file'
      ? 'Secrets file that .gitignore excludes is being committed'
      : (rule?.description ?? generic?.description ?? c.ruleId) + (ctx.gitignored ? ' (in a file that .gitignore excludes)' : '');
  return {
    ...c,
    description,
    provider: rule?.provider ?? 'generic',
    category: c.kind === 'ignored-secrets-file' ? 'credential-file' : (rule?.category ?? 'generic'),
    revokeUrl: rule?.revokeUrl,
    fingerprint: fingerprint(c.ruleId, c.file, c.secret),
    secretHash: secretHash(c.secret),
    suggestion: suggest({
      file: c.file,
      ruleEnvVar: rule?.envVar ?? generic?.envVar ?? 'SECRET',
      keyName: c.keyName,
      generic: !rule,
      envFileIgnored: ctx.envFileIgnored,
    }),
    gitignored: ctx.gitignored,
  };
}

/** Findings in report order: by file, then position. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
