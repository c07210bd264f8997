import { describe, expect, it } from 'vitest';
import { charsetOf, relativeEntropy, shannonEntropy } from '../../src/detect/entropy.js';
import { isHashLike, isPlaceholder, isReference, isRepetitive, isTemplate, isUuid, looksLikeWords } from '../../src/detect/heuristics.js';
import { expandTemplate } from '../helpers/secrets.js';

/** One row per false-positive class each heuristic removes, and random values it must keep. */
describe('entropy', () => {
  it('measures bits per character', () => {
    expect(shannonEntropy('')).toBe(0);
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('ab')).toBe(1);
    expect(shannonEntropy('0123456789abcdef')).toBe(4);
  });
  it('picks the narrowest charset', () => {
    expect(charsetOf('deadbeef00')).toBe('hex');
    expect(charsetOf('Zm9vYmFy')).toBe('alnum');
    expect(charsetOf('Zm9v+YmF/y==')).toBe('base64');
    expect(charsetOf('p@ss w0rd!')).toBe('printable');
  });
  it('scores random strings near 1 and repetitive ones low', () => {
    for (let i = 0; i < 10; i++) expect(relativeEntropy(expandTemplate('{{alnum:32}}'))).toBeGreaterThan(0.8);
    expect(relativeEntropy('abababababababab')).toBeLessThan(0.4);
  });
});

describe('heuristics', () => {
  it.each(['AKIAIOSFODNN7EXAMPLE', 'xxxxxxxxxxxxxxxx', '****************', 'changeme', 'your-api-key', 'YOUR_TOKEN_HERE', 'REPLACE_ME', 'insert-key-here', 'dummy', 'not-a-real-secret'])(
    'placeholder: %s',
    (v) => expect(isPlaceholder(v)).toBe(true),
  );
  it.each(['${API_KEY}', '{{ vault_token }}', '%(password)s', '$DB_PASSWORD', '%SECRET%', '<TOKEN>', '#{secret}', '<%= ENV["X"] %>'])('template: %s', (v) =>
    expect(isTemplate(v)).toBe(true),
  );
  it.each(['process.env.X', 'os.environ["X"]', 'os.getenv("X")', 'vault:secret/data/x#k', 'ENC[AES256_GCM,data:abc]', 'get_secret("db")', 'secretsmanager:prod/x'])(
    'reference: %s',
    (v) => expect(isReference(v)).toBe(true),
  );
  it('recognises UUIDs, hashes and sequences', () => {
    expect(isUuid(expandTemplate('{{uuid}}'))).toBe(true);
    expect(isHashLike(`sha512-${expandTemplate('{{base64:86}}')}==`)).toBe(true);
    expect(isRepetitive('12345678')).toBe(true);
    expect(isRepetitive('abcdefghij')).toBe(true);
  });
  it.each(['HmacSha256RequestSigningInterceptorImpl', 'KubernetesSecretStoreCsiDriverProvider', 'OAuth2ClientCredentialsTokenExchangeStrategy', 'correcthorsebatterystaple'])(
    'words: %s',
    (v) => expect(looksLikeWords(v)).toBe(true),
  );
  it('keeps random values', () => {
    for (let i = 0; i < 50; i++) {
      const v = expandTemplate('{{alnum:24}}');
      expect(looksLikeWords(v), v).toBe(false);
      expect(isPlaceholder(v), v).toBe(false);
      expect(isTemplate(v), v).toBe(false);
      expect(isReference(v), v).toBe(false);
    }
  });
});
