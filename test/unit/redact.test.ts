import { describe, expect, it } from 'vitest';
import { fingerprint, secretHash } from '../../src/util/fingerprint.js';
import { redactLine, redactSecret } from '../../src/findings/redact.js';
import { expandTemplate } from '../helpers/secrets.js';

describe('redaction', () => {
  it('keeps a known prefix and the last four characters, never the middle', () => {
    const secret = expandTemplate('sk_live_{{alnum:24}}');
    const shown = redactSecret(secret);
    expect(shown.startsWith('sk_live_')).toBe(true);
    expect(shown.endsWith(secret.slice(-4))).toBe(true);
    expect(shown).not.toContain(secret.slice(8, 28));
  });
  it('shows nothing of short secrets', () => {
    expect(redactSecret('hunter2hunter')).toBe('********');
  });
  it('masks the secret inside its line', () => {
    const secret = expandTemplate('ghp_{{alnum:36}}');
    const line = `token = "${secret}"`;
    const masked = redactLine(line, secret, 10, true);
    expect(masked).not.toContain(secret);
    expect(masked).toMatch(/^token = "ghp_\*{8}.{4}"$/);
    expect(redactLine(line, secret, 10, false)).toBe(line);
  });
});

describe('fingerprints', () => {
  it('depend on rule, file and secret, and never contain the secret', () => {
    const secret = expandTemplate('{{alnum:32}}');
    const a = fingerprint('r', 'a.js', secret);
    expect(a).toBe(fingerprint('r', 'a.js', secret));
    expect(a).not.toBe(fingerprint('r', 'b.js', secret));
    expect(a).not.toBe(fingerprint('q', 'a.js', secret));
    expect(a).not.toContain(secret);
    expect(secretHash(secret)).toMatch(/^[0-9a-f]{64}$/);
  });
});
