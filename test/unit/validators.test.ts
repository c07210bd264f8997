import { describe, expect, it } from 'vitest';
import { VALIDATORS } from '../../src/detect/validators.js';

const b64url = (text: string): string => Buffer.from(text).toString('base64url');
const token = (header: object, payload: object): string =>
  `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url('signature-bytes-for-test')}`;

describe('jwt-service-role', () => {
  const check = VALIDATORS['jwt-service-role']!;

  it('accepts a JWT whose payload role is service_role', () => {
    expect(check(token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', ref: 'abcdefghijklmnopqrst', role: 'service_role' }))).toBe(true);
  });

  it('rejects an anon-role JWT, a JWT without a role and a malformed token', () => {
    expect(check(token({ alg: 'HS256', typ: 'JWT' }, { iss: 'supabase', role: 'anon' }))).toBe(false);
    expect(check(token({ alg: 'HS256', typ: 'JWT' }, { sub: 'user' }))).toBe(false);
    expect(check('eyJub3QtanNvbg.eyJub3QtanNvbg.abc')).toBe(false);
    expect(check(token({ typ: 'JWT' }, { role: 'service_role' }))).toBe(false);
  });
});
