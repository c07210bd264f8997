import { builtin } from './builtin.js';

/**
 * node:crypto is loaded on first use: a clean commit computes no hash, and the hook does not pay
 * for loading it.
 */
let createHash: typeof import('node:crypto').createHash | undefined;
function sha256(text: string): string {
  createHash ??= builtin<typeof import('node:crypto')>('node:crypto').createHash;
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** sha256 of the secret: what baselines and `sha256:` allowlist values store instead of it. */
export function secretHash(secret: string): string {
  return sha256(secret);
}

/** Stable identity of a finding: rule, file and the secret's hash. Line numbers are left out on purpose. */
export function fingerprint(ruleId: string, file: string, secret: string): string {
  return sha256(`${ruleId}\0${file}\0${secretHash(secret)}`).slice(0, 32);
}
