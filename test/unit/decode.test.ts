import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detect.js';
import { encodedRuns } from '../../src/detect/decode.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';
import { expandTemplate } from '../helpers/secrets.js';

/** Secrets inside base64 and percent-encoded text are found and reported where the encoded text is. */
const detector = new Detector({ rules: loadBuiltinRules(), entropy: undefined });
const find = (text: string, file = 'config.yaml') => detector.detect({ type: 'fragment', file, startLine: 1, text });

describe('decoding', () => {
  it('finds a token inside a base64 value, at the position of the base64 text', () => {
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    const encoded = Buffer.from(`https://ci-bot:${token}@github.com/acme/app.git`).toString('base64');
    const line = `  git-credentials: ${encoded}`;
    const hits = find(`apiVersion: v1\nkind: Secret\ndata:\n${line}\n`);
    const hit = hits.find((h) => h.ruleId === 'github-pat-classic');
    expect(hit, JSON.stringify(hits)).toBeDefined();
    expect(hit).toMatchObject({ line: 4, column: line.indexOf(encoded) + 1, encoding: 'base64', secret: token, raw: encoded });
  });

  it('finds a percent-encoded webhook URL and maps the position exactly', () => {
    const url = expandTemplate('https://hooks.slack.com/services/T{{uppernum:8}}/B{{uppernum:10}}/{{alnum:24}}');
    const encoded = encodeURIComponent(url);
    const text = `notify = https://ci.example.io/hook?target=${encoded}&x=1`;
    const hit = find(text, 'ci.ini').find((h) => h.ruleId.startsWith('slack'));
    expect(hit, JSON.stringify(find(text, 'ci.ini'))).toBeDefined();
    expect(text.slice(hit!.column - 1, hit!.endColumn - 1)).toBe(hit!.raw ?? hit!.secret);
  });

  it('decodes nothing in binary-looking base64, hex, words or lockfiles', () => {
    expect(encodedRuns(Buffer.from(Array.from({ length: 48 }, (_, i) => (i * 37) % 256)).toString('base64'))).toEqual([]);
    expect(encodedRuns('0123456789abcdef0123456789abcdef')).toEqual([]);
    expect(encodedRuns('averylongidentifierwithoutanycapitals')).toEqual([]);
    const token = expandTemplate('ghp_{{crc32b62:30}}');
    expect(find(`"integrity": "${Buffer.from(`x ${token} y`).toString('base64')}"`, 'package-lock.json')).toEqual([]);
  });
});

describe('decoded findings and rules for the encoded form', () => {
  it('reports a provider key inside a Kubernetes Secret as that provider, not as generic secret data', () => {
    const key = expandTemplate('sk_live_{{alnum:24}}');
    const hits = find(`kind: Secret\ndata:\n  stripe-api-key: ${Buffer.from(key).toString('base64')}\n`);
    expect(hits.map((h) => h.ruleId)).toEqual(['stripe-live-secret-key']);
    expect(hits[0]).toMatchObject({ secret: key, encoding: 'base64', line: 3 });
  });
});
