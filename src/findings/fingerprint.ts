import { createHash } from 'node:crypto';

/** sha256 of the secret: what baselines and `sha256:` allowlist values store instead of it. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Stable identity of a finding: rule, file and the secret's hash. Line numbers are left out on purpose. */
export function fingerprint(ruleId: string, file: string, secret: string): string {
  return createHash('sha256').update(`${ruleId}\0${file}\0${secretHash(secret)}`, 'utf8').digest('hex').slice(0, 32);
}
