import { crc32 } from 'node:zlib';
import { Entropy, charset16, charset64 } from 'entropy-string';
import { base62 } from '../../src/detect/validators.js';

/**
 * Test secrets are random but reproducible: a seeded generator (sfc32) feeds both our own
 * charsets and entropy-string's power-of-two ones. Set LEAKGUARD_TEST_SEED to explore other
 * values (`LEAKGUARD_TEST_SEED=$RANDOM npm test`); a failure prints the value it failed on.
 */
const SEED = process.env.LEAKGUARD_TEST_SEED ?? 'leakguard';
let a = 0x9e3779b9;
let b = 0x243f6a88;
let c = 0xb7e15162;
let d = 0;
for (const ch of SEED) d = (Math.imul(d ^ ch.charCodeAt(0), 0x5bd1e995) + 1) >>> 0;
function next(): number {
  a >>>= 0;
  b >>>= 0;
  c >>>= 0;
  d >>>= 0;
  const t = (a + b + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) >>> 0;
  return t;
}
for (let i = 0; i < 16; i++) next();

function randomInt(max: number): number {
  return next() % max;
}

function randomBytes(n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = next() & 0xff;
  return out;
}

/**
 * Expand "{{alnum:36}}"-style templates into fresh random values, so that no realistic secret is
 * ever committed. Supported: alnum, hex, HEX, lower, upper, digits, lowernum, uppernum, base64,
 * base64url, b64 (entropy-string's 64-char set), uuid, crc32b62:N (N random base62 characters and
 * their 6-character base62 CRC32, as GitHub and npm tokens carry), chars:SET:N, base64of:TEXT
 * (the base64 of TEXT after its own templates are expanded) and pctof:TEXT.
 */
const SETS: Record<string, string> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  lowernum: 'abcdefghijklmnopqrstuvwxyz0123456789',
  uppernum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
};

export function randomFrom(set: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += set[randomInt(set.length)];
  return out;
}

/** entropy-string renders random bytes in a power-of-two charset (64: URL-safe base64, 16: hex). */
const ENTROPY = new Entropy({ charset: charset64, bits: 128 });
export function entropyString(length: number, bitsPerChar: 6 | 4 = 6): string {
  const charset = bitsPerChar === 6 ? charset64 : charset16;
  const bits = length * bitsPerChar;
  const out = ENTROPY.stringWithBytes(randomBytes(Math.ceil(bits / 8) + 1), bits, charset);
  return out.slice(0, length);
}

/** A fake secret of the given strength, for tests that need "some random token". */
export function fakeSecret(bits = 160): string {
  return entropyString(Math.ceil(bits / 6));
}

function uuid(): string {
  const h = randomFrom(SETS.hex!, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[randomInt(4)]}${h.slice(17, 20)}-${h.slice(20)}`;
}

function expandOne(spec: string): string {
  const parts = spec.split(':');
  const kind = parts[0]!;
  if (kind === 'uuid') return uuid();
  if (kind === 'base64of') return Buffer.from(expandTemplate(spec.slice(kind.length + 1).replace(/\[\[/g, '{{').replace(/\]\]/g, '}}'))).toString('base64');
  if (kind === 'pctof') return encodeURIComponent(expandTemplate(spec.slice(kind.length + 1).replace(/\[\[/g, '{{').replace(/\]\]/g, '}}')));
  const n = Number(parts[parts.length - 1]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`Bad template length in {{${spec}}}`);
  if (kind === 'crc32b62') {
    const random = randomFrom(SETS.alnum!, n);
    return random + base62(crc32(random), 6);
  }
  if (kind === 'b64' || kind === 'base64url') return entropyString(n);
  if (kind === 'hex') return entropyString(n, 4);
  if (kind === 'chars') return randomFrom(parts.slice(1, -1).join(':'), n);
  const set = SETS[kind];
  if (!set) throw new Error(`Unknown template {{${spec}}}`);
  return randomFrom(set, n);
}

export function expandTemplate(template: string): string {
  return template.replace(/\{\{([^{}]+)\}\}/g, (_, spec: string) => expandOne(spec));
}
