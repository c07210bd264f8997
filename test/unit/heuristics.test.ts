import { describe, expect, it } from 'vitest';
import { charsetOf, relativeEntropy, shannonEntropy } from '../../src/detect/entropy.js';
import {
  decodesToNonSecret,
  isHashLike,
  isNumber,
  isPlaceholder,
  isReference,
  isRepetitive,
  isSequential,
  isTemplate,
  isUuid,
  isWeakPassword,
  looksLikeIdentifier,
  looksLikeWords,
  namesACredential,
} from '../../src/detect/heuristics.js';
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

/**
 * False-positive classes found by scanning ~290 MB of real code (Python site-packages and test
 * suite, npm's own packages, Perl, this project's node_modules); one row per class.
 */
describe('false-positive classes from real code', () => {
  it.each([
    ['leetspeak dictionary password', 'P@55w0rd!', isWeakPassword],
    ['short weak password with digits', 'pass1', isWeakPassword],
    ['counting runs in documentation', 'a1b2c3d4567890ab', isSequential],
    ['interleaved counting', 'A1b2c3d4', isSequential],
    ['bcrypt password hash', '$2b$12$KIXQJp2s4m7ZRlQ9uR3xEu1n1iYzR8VqJYQm6cV0m9pY3qgF4lW6K', isHashLike],
    ['argon2 password hash', '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub', isHashLike],
    ['Django password hash', 'pbkdf2_sha256$260000$q8WcZk1xX3rR$Zk0cF3m9Lq8v7YpW2nR5tJ6h', isHashLike],
    ['LDAP password hash', '{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=', isHashLike],
    ['letter-pair runs in documentation', 'AB1C2defGHijkLMNo3PqQRstUvwxyz', isSequential],
    ['dotted name', 'auth.HTTPBasicAuth', looksLikeIdentifier],
    ['namespaced name', 'CPAN::anycwd', looksLikeIdentifier],
    ['colon-separated label', 'joserfc:OKP:HKDF:Ed25519', looksLikeIdentifier],
    ['snake_case words', 're_syntax', looksLikeIdentifier],
    ['camelCase words', 'eksKeypair', looksLikeIdentifier],
    ['error code constant', '-2146893048', isNumber],
    ['hex constant', '0x8009030C', isNumber],
    ['base64 of JSON (pagination token)', 'eyJOZXh0VG9rZW4iOiBudWxsLCAicGFnZSI6IDJ9', decodesToNonSecret],
    ['base64 of a placeholder credential', Buffer.from('isaacs:not my real password').toString('base64'), decodesToNonSecret],
    ['value naming a credential', 'proxysecret1-Abcd1e', namesACredential],
    ['truncated example', 'QVdTOkN...', isPlaceholder],
    ['camel placeholder', 'yourAmazonClientToken', isPlaceholder],
  ] as const)('%s: %s', (_name, value, check) => {
    expect(check(value)).toBe(true);
  });

  it('keeps random values of every length', () => {
    for (let i = 0; i < 200; i++) {
      const v = expandTemplate(`{{alnum:${16 + (i % 24)}}}`);
      for (const check of [isWeakPassword, isSequential, looksLikeIdentifier, isNumber, decodesToNonSecret, namesACredential]) expect(check(v), `${check.name}(${v})`).toBe(false);
    }
  });
});
