import { redactLine, redactSecret } from '../findings/redact.js';
import type { Finding } from '../findings/types.js';

/** The shape every machine-readable output shares; the secret is masked unless redact is false. */
export function publicFinding(f: Finding, redact: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    description: f.description,
    provider: f.provider,
    category: f.category,
    kind: f.kind,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    secret: f.kind === 'ignored-secrets-file' ? '' : redact ? redactSecret(f.secret) : f.secret,
    lineText: f.kind === 'ignored-secrets-file' ? '' : redactLine(f.lineText, f.raw ?? f.secret, f.column, redact, f.secret),
    fingerprint: f.fingerprint,
    secretHash: f.secretHash,
    gitignored: f.gitignored,
    suggestion: f.suggestion,
  };
  if (f.keyName) out.keyName = f.keyName;
  if (f.encoding) out.encoding = f.encoding;
  if (f.revokeUrl) out.revokeUrl = f.revokeUrl;
  if (f.commit) {
    out.commit = f.commit.sha;
    out.author = f.commit.author;
    out.email = f.commit.email;
    out.date = f.commit.date;
    out.message = f.commit.subject;
  }
  return out;
}
