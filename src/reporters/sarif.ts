import { redactLine } from '../findings/redact.js';
import type { Finding } from '../findings/types.js';
import type { Reporter } from './types.js';

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one rule per rule id that has results, results
 * with a physical location, a redacted snippet and partialFingerprints for de-duplication.
 */
export const sarifReporter: Reporter = (result, options) => {
  const ruleIds = [...new Set(result.findings.map((f) => f.ruleId))].sort();
  const byId = new Map(result.findings.map((f) => [f.ruleId, f]));
  const rules = ruleIds.map((id) => {
    const f = byId.get(id)!;
    return {
      id,
      name: id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
      shortDescription: { text: f.description },
      fullDescription: { text: `${f.description}. A credential committed to git can be read by anyone with access to the repository or its history.` },
      help: {
        text: helpText(f),
        markdown: helpText(f),
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'secret', f.category, 'external/cwe/cwe-798'], precision: 'high', 'security-severity': '8.5' },
    };
  });
  const results = result.findings.map((f) => {
    const region: Record<string, unknown> = { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn };
    if (f.lineText) region.snippet = { text: redactLine(f.lineText, f.raw ?? f.secret, f.column, options.redact, f.secret) };
    const out: Record<string, unknown> = {
      ruleId: f.ruleId,
      ruleIndex: ruleIds.indexOf(f.ruleId),
      level: 'error',
      message: { text: `${f.description}. Read it from the ${f.suggestion.envVar} environment variable instead (${f.suggestion.replacement}), and rotate it if it was ever pushed.` },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(f.file), uriBaseId: '%SRCROOT%' }, region } }],
      partialFingerprints: { 'leakguard/v1': f.fingerprint },
    };
    if (f.commit) out.properties = { commit: f.commit.sha, author: f.commit.author, date: f.commit.date };
    return out;
  });
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'leakguard', version: options.version, semanticVersion: options.version, informationUri: 'https://www.npmjs.com/package/leakguard', rules } },
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};

function helpText(f: Finding): string {
  const lines = [
    `Move the value out of the code: read it from the ${f.suggestion.envVar} environment variable (${f.suggestion.replacement}).`,
    'If it was ever pushed, rotate it first: removing it from the code does not remove it from history.',
    'For a deliberate test value, add a leakguard:allow comment on the line, or record it with `leakguard baseline`.',
  ];
  if (f.revokeUrl) lines.push(`Rotate or revoke: ${f.revokeUrl}`);
  return lines.join('\n');
}
