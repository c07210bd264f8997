import type { Allowlist } from '../config/types.js';
import type { Candidate } from '../detect/types.js';
import { secretHash } from '../util/fingerprint.js';

export type PathMatcher = (path: string, globs: readonly string[]) => boolean;

/**
 * Config allowlists. An entry can name paths (micromatch globs), regexes (over the secret, or
 * the whole line with target "line") and values (exact, or sha256:<hex>); `rules` limits it to
 * some rule ids. Returns the key path that allowed the candidate, for --show-suppressed.
 */
export function allowlistReason(candidate: Candidate, lists: readonly Allowlist[], matchPath: PathMatcher): string | undefined {
  let hash: string | undefined;
  for (const list of lists) {
    if (list.rules.length && !list.rules.includes(candidate.ruleId)) continue;
    if (list.paths.length && matchPath(candidate.file, list.paths)) return `${list.origin}.paths`;
    for (const [i, entry] of list.regexes.entries()) {
      const subject = entry.target === 'line' ? candidate.lineText : candidate.secret;
      if (entry.regex.test(subject)) return `${list.origin}.regexes[${i}]`;
    }
    for (const [i, value] of list.values.entries()) {
      if (value.startsWith('sha256:')) {
        hash ??= secretHash(candidate.secret);
        if (value.slice(7).toLowerCase() === hash) return `${list.origin}.values[${i}]`;
      } else if (value === candidate.secret) return `${list.origin}.values[${i}]`;
    }
  }
  return undefined;
}
