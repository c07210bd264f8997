/**
 * Baselines are keyed by content, never by line: rule id, file and the sha256 of the secret.
 * Lines can move and files can grow without the baseline going stale, and a new secret pasted
 * next to a baselined one is still reported.
 */
export interface BaselineEntry {
  ruleId: string;
  file: string;
  secretHash: string;
}

export interface BaselineFile {
  version: 1;
  description: string;
  entries: BaselineEntry[];
}

export function baselineKey(e: BaselineEntry): string {
  return `${e.ruleId}\0${e.file}\0${e.secretHash}`;
}

/** The baseline of some findings (any objects with a rule id, a file and the secret's hash). */
export function toBaseline(findings: readonly BaselineEntry[]): BaselineFile {
  const seen = new Map<string, BaselineEntry>();
  for (const f of findings) {
    const entry = { ruleId: f.ruleId, file: f.file, secretHash: f.secretHash };
    seen.set(baselineKey(entry), entry);
  }
  const entries = [...seen.values()].sort(
    (a, b) => cmp(a.file, b.file) || cmp(a.ruleId, b.ruleId) || cmp(a.secretHash, b.secretHash),
  );
  return {
    version: 1,
    description: 'leakguard baseline: known findings, by rule, file and sha256 of the secret. Regenerate with `leakguard baseline`.',
    entries,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Stable serialisation: sorted entries, fixed key order, LF, trailing newline. */
export function serializeBaseline(baseline: BaselineFile): string {
  const lines = baseline.entries.map((e) => `    {"ruleId": ${JSON.stringify(e.ruleId)}, "file": ${JSON.stringify(e.file)}, "secretHash": ${JSON.stringify(e.secretHash)}}`);
  return `{\n  "version": 1,\n  "description": ${JSON.stringify(baseline.description)},\n  "entries": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

/** Parse a baseline file's text; throws a plain Error with the reason (the caller adds the path). */
export function parseBaseline(text: string): BaselineFile {
  const data = JSON.parse(text) as Partial<BaselineFile>;
  if (data.version !== 1 || !Array.isArray(data.entries)) throw new Error('expected {"version": 1, "entries": [...]}');
  for (const [i, e] of data.entries.entries()) {
    if (typeof e?.ruleId !== 'string' || typeof e.file !== 'string' || typeof e.secretHash !== 'string' || !/^[0-9a-f]{64}$/.test(e.secretHash)) {
      throw new Error(`entry ${i} needs "ruleId", "file" and a 64-hex "secretHash"`);
    }
  }
  return data as BaselineFile;
}
