import { builtin } from '../util/builtin.js';
import { isFiller, isPlaceholder } from './heuristics.js';

/** node:zlib, loaded on the first checksum: a commit without a token of that shape does not pay for it. */
let crc32: typeof import('node:zlib').crc32 | undefined;

/**
 * Named validators that a rule can ask for with "validate". Each takes the secret and returns
 * whether it is structurally a real credential (checksums, decodable payloads).
 */
export type Validator = (secret: string) => boolean;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

export function base62(n: number, width: number): string {
  let out = '';
  let rest = n >>> 0;
  do {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

/** GitHub and npm tokens: prefix_ + 30 random base62 characters + base62(CRC32(random)) in 6. */
function crc32Base62(secret: string): boolean {
  const body = secret.slice(secret.lastIndexOf('_') + 1);
  if (body.length < 7) return false;
  const random = body.slice(0, -6);
  crc32 ??= builtin<typeof import('node:zlib')>('node:zlib').crc32;
  return base62(crc32(random), 6) === body.slice(-6);
}

function decodeBase64(value: string): string | undefined {
  const clean = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return undefined;
  const text = Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return text;
}

function isPrintable(text: string): boolean {
  return text.length > 0 && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text);
}

/** A JWT: base64url header and payload that decode to JSON objects, the header naming an alg. */
function jwt(secret: string): boolean {
  const [header, payload] = secret.split('.');
  if (!header || !payload) return false;
  try {
    const h = JSON.parse(decodeBase64(header) ?? '') as Record<string, unknown>;
    const p = JSON.parse(decodeBase64(payload) ?? '') as unknown;
    return typeof h === 'object' && h !== null && typeof h.alg === 'string' && typeof p === 'object' && p !== null;
  } catch {
    return false;
  }
}

/** A Supabase service-role key: a valid JWT whose payload carries "role": "service_role". */
function jwtServiceRole(secret: string): boolean {
  if (!jwt(secret)) return false;
  try {
    const p = JSON.parse(decodeBase64(secret.split('.')[1] ?? '') ?? '') as Record<string, unknown>;
    return p.role === 'service_role';
  } catch {
    return false;
  }
}

/** HTTP Basic credentials: base64 of "user:password" with a non-empty password. */
function basicAuth(secret: string): boolean {
  const text = decodeBase64(secret);
  if (!text || !isPrintable(text)) return false;
  const colon = text.indexOf(':');
  // (a filler for the password is a documentation example: example:example, user:xxxx, user:changeme)
  return colon > 0 && colon < text.length - 1 && !/\s/.test(text) && !isFiller(text.slice(colon + 1));
}

/** Base64 text that decodes to a PEM private key. */
function base64PrivateKey(secret: string): boolean {
  const text = decodeBase64(secret);
  return text !== undefined && /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY( BLOCK)?-----/.test(text);
}

/** The base64 value of a Kubernetes Secret or .dockerconfigjson: decodes to printable text. */
function base64Printable(secret: string): boolean {
  const text = decodeBase64(secret);
  // (base64 of a filler or a default word is a documentation example: example-app-secret, postgres)
  return text !== undefined && isPrintable(text) && text.length >= 6 && !isPlaceholder(text.trim());
}

/** Luhn-free structural check for UUID-shaped keys (Heroku and others): version nibble present. */
function uuid(secret: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(secret);
}

export const VALIDATORS: Readonly<Record<string, Validator>> = {
  'crc32-base62': crc32Base62,
  jwt,
  'jwt-service-role': jwtServiceRole,
  'basic-auth': basicAuth,
  'base64-private-key': base64PrivateKey,
  'base64-printable': base64Printable,
  uuid,
};
