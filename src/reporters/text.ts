import { redactLine, redactSecret } from '../findings/redact.js';
import type { Finding } from '../findings/types.js';
import { allowDirective } from '../suggest/env-var.js';
import type { Language } from '../util/file-type.js';
import type { ReportOptions, Reporter, ScanResult } from './types.js';

/**
 * Human output: findings grouped by file (or by commit for history scans), each with the masked
 * line and its fix, then one "How to fix" block. Findings are data; the sentences live here.
 */
export const textReporter: Reporter = (result, options) => {
  if (result.findings.length === 0) return '';
  const c = colors(options.color);
  const out: string[] = [];
  const groups = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const key = result.history && f.commit ? f.commit.sha : f.file;
    const list = groups.get(key) ?? [];
    list.push(f);
    groups.set(key, list);
  }
  for (const [key, findings] of groups) {
    const first = findings[0]!;
    if (result.history && first.commit) {
      const cm = first.commit;
      out.push(c.bold(`commit ${cm.sha.slice(0, 12)}`) + c.dim(`  ${cm.author} <${cm.email}>  ${cm.date.slice(0, 10)}  ${truncate(cm.subject, 60)}`));
    } else {
      out.push(c.bold(key));
    }
    for (const f of findings) out.push(...findingLines(f, options, c));
    out.push('');
  }
  out.push(...howToFix(result, c));
  return `${out.join('\n')}\n`;
};

function findingLines(f: Finding, options: ReportOptions, c: Colors): string[] {
  const lines: string[] = [];
  // file:line:column on every finding, so terminals and editors can jump to it
  const where = `${f.file}:${f.line}:${f.column}`;
  const encoded = f.encoding ? ` (${f.encoding === 'base64' ? 'base64-encoded' : 'percent-encoded'})` : '';
  lines.push(`  ${c.yellow(where)}  ${c.red(f.description + encoded)}  ${c.dim(f.ruleId)}`);
  if (f.kind === 'ignored-secrets-file') {
    lines.push(`      ${f.file} is excluded by .gitignore but was added with git add -f.`);
    lines.push(`      fix: unstage it with ${c.cyan(`git rm --cached -- ${shellQuote(f.file)}`)}, and keep it out of git.`);
    return lines;
  }
  const shown = redactLine(f.lineText, f.raw ?? f.secret, f.column, options.redact, f.secret).trim();
  lines.push(`      ${c.dim(truncate(shown, 160))}`);
  if (!options.redact) lines.push(`      secret: ${f.secret.split('\n')[0]}`);
  else if (f.secret.includes('\n')) lines.push(`      secret: ${redactSecret(f.secret)} (${f.endLine - f.line + 1} lines)`);
  const s = f.suggestion;
  if (s.language === 'dotenv') {
    lines.push(`      fix: this is a secrets file; keep it out of git and commit a .env.example with ${c.cyan(s.replacement)} instead`);
  } else {
    lines.push(`      fix: read ${c.cyan(s.envVar)} from the environment: ${c.cyan(s.replacement)}`);
  }
  if (s.note) lines.push(`           ${s.note}`);
  if (f.gitignored) lines.push(`           .gitignore excludes ${f.file}: unstage it with git rm --cached -- ${shellQuote(f.file)}`);
  const directive = allowDirective(s.language as Language);
  lines.push(
    directive
      ? `      test value? end the line with ${c.cyan(directive)}`
      : `      test value? this file type has no comments: add it to the baseline (leakguard baseline) or an allowlist`,
  );
  if (f.revokeUrl) lines.push(`      rotate: ${f.revokeUrl}`);
  return lines;
}

function howToFix(result: ScanResult, c: Colors): string[] {
  const n = result.findings.length;
  const first = result.findings[0]!;
  const store = first.suggestion;
  const lines = [c.bold('How to fix')];
  if (result.history) {
    lines.push(
      `  These ${n === 1 ? 'secret is' : `${n} secrets are`} already in git history: treat ${n === 1 ? 'it' : 'them'} as leaked.`,
      '  1. Rotate each secret now (the rotate link is under each finding), then remove it from the code.',
      '  2. If the repository is shared, rewrite history with git filter-repo (--replace-text) or BFG Repo-Cleaner, and force-push.',
      '  3. Record findings you accept with `leakguard baseline --all-commits` so later scans report only new ones.',
    );
    return lines;
  }
  lines.push('  1. Replace each value with the environment variable shown, and put the value in ' + storeLine(store.storeInIgnored, store.gitignoreLine));
  lines.push('  2. If a secret was ever pushed or shared, rotate it: removing it from the code does not un-leak it.');
  lines.push('  3. A deliberate test value: add the directive shown to its line, or `leakguard baseline` to accept what is there now.');
  lines.push(`  Last resort: ${c.dim('git commit --no-verify')} skips this check and every other hook, so the secret goes in unchecked.`);
  return lines;
}

function storeLine(ignored: boolean | undefined, gitignoreLine: string | undefined): string {
  if (ignored === true) return '.env (your .gitignore already excludes it).';
  if (ignored === false) return `.env; .gitignore does not exclude .env yet, so first add the line "${gitignoreLine ?? '.env'}" to .gitignore.`;
  return 'a .env file that git ignores, or your secrets manager.';
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function shellQuote(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

interface Colors {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  cyan: (s: string) => string;
}

function colors(on: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}
