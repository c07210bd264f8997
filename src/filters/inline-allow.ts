import type { Candidate } from '../detect/types.js';

/**
 * Inline directives. Same line: leakguard:allow, and the directives of other scanners so that a
 * repository can switch without edits (gitleaks:allow, trufflehog:ignore, pragma: allowlist
 * secret). Line before: leakguard:allow-next-line, pragma: allowlist nextline secret.
 */
const SAME_LINE: ReadonlyArray<[RegExp, string]> = [
  [/leakguard:allow(?!-next-line)/, 'leakguard:allow'],
  [/gitleaks:allow/, 'gitleaks:allow'],
  [/trufflehog:ignore/, 'trufflehog:ignore'],
  [/pragma:\s?allowlist[ -]secret/, 'pragma: allowlist secret'],
];
const NEXT_LINE: ReadonlyArray<[RegExp, string]> = [
  [/leakguard:allow-next-line/, 'leakguard:allow-next-line'],
  [/pragma:\s?allowlist[ -]nextline[ -]secret/, 'pragma: allowlist nextline secret'],
];

/** The directive that allows this candidate, or undefined. */
export function inlineAllowReason(candidate: Candidate): string | undefined {
  for (const [re, name] of SAME_LINE) if (re.test(candidate.lineText)) return `inline ${name}`;
  const previous = candidate.previousLineText;
  if (previous !== undefined) for (const [re, name] of NEXT_LINE) if (re.test(previous)) return `inline ${name} (line ${candidate.line - 1})`;
  return undefined;
}
