import type { Candidate } from './types.js';
import type { CompiledRule } from '../patterns/types.js';

/** A candidate with what overlap resolution ranks it by. */
export type Ranked = Candidate & { start: number; end: number; priority: number; context: number; order: number };

/** Catch-all formats (URLs with credentials, Authorization headers, credential files) yield to a provider's own rule on the same text. */
const CATCH_ALL = new Set(['connection-string', 'credential-file', 'generic']);
export function rulePriority(rule: CompiledRule): number {
  return CATCH_ALL.has(rule.category) ? 1 : 2;
}

/**
 * Keep one candidate per overlapping span: a provider's own rule beats a catch-all one and the
 * generic detector; then the longer secret; then the match that needed more context (the GCS
 * HMAC rule that saw GOOG1… beats a bare secret_access_key); then the rule listed first.
 */
export function resolveOverlaps(found: Ranked[]): Candidate[] {
  if (found.length < 2) return found.map(strip);
  found.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || b.context - a.context || a.order - b.order || a.start - b.start);
  const kept: Ranked[] = [];
  for (const c of found) {
    if (kept.some((k) => c.start < k.end && k.start < c.end)) continue;
    kept.push(c);
  }
  kept.sort((a, b) => a.start - b.start);
  return kept.map(strip);
}

function strip(c: Ranked): Candidate {
  const { start: _s, end: _e, priority: _p, context: _c, order: _o, ...rest } = c;
  return rest;
}
