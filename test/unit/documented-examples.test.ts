import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Detector } from '../../src/detect/detect.js';
import { loadBuiltinRules } from '../../src/patterns/load-patterns.js';

/** Values published in providers' documentation are examples, not leaks; rules list them by sha256. */
const detector = new Detector({ rules: loadBuiltinRules(), entropy: undefined });
const b64url = (s: string | Buffer) => Buffer.from(s).toString('base64url');

describe('documented example values', () => {
  it('leave the jwt.io example token alone, but not another token signed the same way', () => {
    const sign = (payload: object) => {
      const head = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${b64url(JSON.stringify(payload))}`;
      return `${head}.${b64url(createHmac('sha256', 'your-256-bit-secret').update(head).digest())}`;
    };
    const example = sign({ sub: '1234567890', name: 'John Doe', iat: 1516239022 });
    const find = (token: string) => detector.detect({ type: 'fragment', file: 'a.md', startLine: 1, text: `Authorization: Bearer ${token}` }).map((c) => c.ruleId);
    expect(find(example)).toEqual([]);
    expect(find(sign({ sub: '42', role: 'admin', iat: 1700000000 }))).toContain('jwt');
  });
});
