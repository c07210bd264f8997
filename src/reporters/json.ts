import { publicFinding } from './public-finding.js';
import type { Reporter } from './types.js';

/** Stable machine output: {"version": 1, "findings": [...], "stats": {...}}. */
export const jsonReporter: Reporter = (result, options) => {
  const doc: Record<string, unknown> = {
    version: 1,
    findings: result.findings.map((f) => publicFinding(f, options.redact)),
    stats: { ...result.stats, findings: result.findings.length, suppressed: result.suppressed.length, skipped: result.skipped.length },
    skipped: result.skipped.map((s) => ({ file: s.file, reason: s.reason, ...(s.detail ? { detail: s.detail } : {}), ...(s.commit ? { commit: s.commit.sha } : {}) })),
  };
  if (options.showSuppressed) {
    doc.suppressed = result.suppressed.map((s) => ({ ...publicFinding(s.finding, options.redact), suppressedBy: s.reason }));
  }
  return `${JSON.stringify(doc, null, 2)}\n`;
};
