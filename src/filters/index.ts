import type { Allowlist } from '../config/types.js';
import type { Candidate } from '../detect/types.js';
import { allowlistReason, type PathMatcher } from './allowlist.js';
import { baselineKey, type BaselineEntry } from './baseline.js';
import { inlineAllowReason } from './inline-allow.js';
import type { FilterNotice } from './types.js';

export interface SuppressorOptions {
  inlineAllow: boolean;
  allowlists: readonly Allowlist[];
  matchPath: PathMatcher;
  baseline: Map<string, BaselineEntry> | undefined;
}

/**
 * The suppression pipeline, applied in this order; the first step that matches names the reason:
 *  1. inline directives on the line or the line before (leakguard:allow, gitleaks:allow, ...),
 *     unless --no-inline-allow;
 *  2. the config's allowlists (paths, regexes, values, each optionally limited to rule ids);
 *  3. the baseline (rule id, file and the secret's hash).
 * Path-level skips (.leakguardignore, .gitignore in PATH scans) happen earlier, in the sources.
 * It also remembers which allowlists and baseline entries were used, for --verbose.
 */
export class Suppressor {
  private readonly usedAllowlists = new Set<string>();
  private readonly usedBaseline = new Set<string>();
  private readonly opts: SuppressorOptions;

  constructor(opts: SuppressorOptions) {
    this.opts = opts;
  }

  /** Why this candidate is suppressed, or undefined to report it. */
  reason(c: Candidate, secretHash: string): string | undefined {
    const inline = this.opts.inlineAllow ? inlineAllowReason(c) : undefined;
    if (inline) return inline;
    const listed = allowlistReason(c, this.opts.allowlists, this.opts.matchPath);
    if (listed) {
      this.usedAllowlists.add(listed.replace(/\.(paths|regexes|values).*$/, ''));
      return listed;
    }
    const key = baselineKey({ ruleId: c.ruleId, file: c.file, secretHash });
    if (this.opts.baseline?.has(key)) {
      this.usedBaseline.add(key);
      return 'baseline';
    }
    return undefined;
  }

  /** Allowlists and baseline entries that suppressed nothing in this scan. */
  unused(): FilterNotice[] {
    const notices: FilterNotice[] = [];
    for (const list of this.opts.allowlists) if (!this.usedAllowlists.has(list.origin)) notices.push({ code: 'unused-allowlist', origin: list.origin });
    for (const [key, entry] of this.opts.baseline ?? []) if (!this.usedBaseline.has(key)) notices.push({ code: 'unused-baseline-entry', entry });
    return notices;
  }
}
