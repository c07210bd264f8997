import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Detector, matchRule } from '../../src/detect/detect.js';
import { DEFAULT_ENTROPY } from '../../src/config/types.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';
import { fuzzTimeout, params } from './budget.js';

/**
 * Every rule and the generic detector on random and adversarial text: detection never throws,
 * every candidate points inside the fragment, and no fragment costs more than its budget (linear
 * work is far below it; catastrophic backtracking in a rule, the decoder or the keyword index is
 * far above it). The lines are built from the rules' own keywords, their charsets, assignment
 * syntax, quotes, encodings and long repeated runs, which is where regexes go wrong.
 */
const rules = loadBuiltinRules();
const detector = new Detector({ rules, entropy: { ...DEFAULT_ENTROPY } });
const keywords = [...new Set(rules.flatMap((r) => r.keywords))];
const GENERIC_KEYS = ['password', 'passwd', 'secret', 'api_key', 'token', 'auth', 'credentials', 'private_key', 'client_secret', 'Authorization: Bearer ', 'mysql://', 'IDENTIFIED BY'];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...keywords, ...GENERIC_KEYS) },
  { weight: 3, arbitrary: fc.constantFrom('=', ':', ' = ', ': ', '"', "'", '`', '(', ')', '{', '}', ',', ';', ' ', '\t', '\\', '/', '%', '%2F', '+', '-', '_', '.', '@', '#', '$', '${', '<', '>', '\n', '\r\n', '\0', '\u00e9', '\u200b', '\ufeff', 'xxxx', 'EXAMPLE', 'changeme', 'process.env.', 'leakguard:allow') },
  { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9+/=_-]{1,60}$/) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'A', '0', 'aA0', '=', '/', '+', '-', ' ', 'ab', 'a=', '\\\\', '%2', 'A/'), fc.integer({ min: 50, max: 3000 })).map(([u, n]) => u.repeat(n)) },
  { weight: 1, arbitrary: fc.uint8Array({ minLength: 8, maxLength: 90 }).map((b) => Buffer.from(b).toString('base64')) },
);
const text = fc.array(piece, { minLength: 1, maxLength: 40 }).map((ps) => ps.join(''));
const file = fc.constantFrom('a.js', 'b.py', 'c.go', '.env', 'x.yaml', 'config.json', 'Dockerfile', 'a.min.js', 'package-lock.json', 'notes.md', 'id_rsa', 'x.tf', 'y.sh', 'noext', 'dir with space/é.rb');

/** Per fragment: far above linear cost on these sizes (< 5 ms), far below a backtracking blow-up. */
const BUDGET_MS = 250;

describe('detector fuzzing', () => {
  it(
    'never throws, locates every candidate inside the fragment, and stays within budget',
    () => {
      let worst = 0;
      fc.assert(
        fc.property(file, text, fc.integer({ min: 1, max: 1_000_000 }), (name, body, startLine) => {
          const started = performance.now();
          const found = detector.detect({ type: 'fragment', file: name, startLine, text: body });
          const took = performance.now() - started;
          worst = Math.max(worst, took);
          expect(took, `${took.toFixed(0)} ms on ${body.length} chars`).toBeLessThan(BUDGET_MS);
          const lines = body.split('\n').length;
          for (const c of found) {
            expect(c.line).toBeGreaterThanOrEqual(startLine);
            expect(c.line).toBeLessThan(startLine + lines);
            expect(c.column).toBeGreaterThanOrEqual(1);
            expect(typeof c.secret).toBe('string');
            expect(c.secret.length).toBeGreaterThan(0);
          }
        }),
        params(300, 10),
      );
      expect(worst).toBeLessThan(BUDGET_MS);
    },
    fuzzTimeout(300, 10),
  );

  it(
    'each rule alone, on its own keywords followed by long runs of random text, stays within budget',
    () => {
      const ruleLine = fc.tuple(
        fc.integer({ min: 0, max: rules.length - 1 }),
        fc.array(fc.oneof(piece, fc.stringMatching(/^[\x20-\x7e]{0,80}$/)), { minLength: 1, maxLength: 60 }),
      );
      fc.assert(
        fc.property(ruleLine, ([i, parts]) => {
          const rule = rules[i]!;
          const line = rule.keywords.map((k, j) => k + (parts[j % parts.length] ?? '')).join('') + parts.join('');
          const started = performance.now();
          for (const hit of matchRule(rule, line)) {
            expect(hit.start).toBeGreaterThanOrEqual(0);
            expect(hit.end).toBeLessThanOrEqual(line.length);
          }
          expect(performance.now() - started, `${rule.id} on ${line.length} chars`).toBeLessThan(BUDGET_MS);
        }),
        params(300, 10),
      );
    },
    fuzzTimeout(300, 10),
  );
});
