import { randomInt } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Entropy, charset64 } from 'entropy-string';
import { base62 } from '../../src/detect/validators.js';

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

/** entropy-string draws from its URL-safe 64-character set, sized by bits. */
export function entropyString(length: number): string {
  const entropy = new Entropy({ charset: charset64, bits: length * 6 });
  return entropy.string().slice(0, length);
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
  if (kind === 'b64') return entropyString(n);
  if (kind === 'chars') return randomFrom(parts.slice(1, -1).join(':'), n);
  const set = SETS[kind];
  if (!set) throw new Error(`Unknown template {{${spec}}}`);
  return randomFrom(set, n);
}

export function expandTemplate(template: string): string {
  return template.replace(/\{\{([^{}]+)\}\}/g, (_, spec: string) => expandOne(spec));
}
