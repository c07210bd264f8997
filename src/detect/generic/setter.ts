import type { Pair } from './types.js';

/**
 * Setters called with a literal: setPassword("…"), cipher->SetKey("…"), set_api_key('…'),
 * .setClientSecret("…"). The setter's noun is the name (SetSecretKey names a secret key); the
 * value is checked like any other assignment's.
 */
const SETTER = /\b[Ss]et_?((?:[A-Z]?[a-z]{1,12}_?){0,3}(?:[Pp]assword|[Pp]asswd|[Pp]assphrase|[Ss]ecret|[Tt]oken|[Kk]ey))\s{0,2}\(\s{0,2}[@$]?(["'])([^"'\n\\]{1,200})\2\s{0,2}\)/g;
export const SETTER_PREFILTER = /set_?[a-z_]{0,40}(?:pass|secret|token|key)/i;

export function setterCalls(line: string): Pair[] {
  const out: Pair[] = [];
  if (!SETTER_PREFILTER.test(line)) return out;
  SETTER.lastIndex = 0;
  for (let m = SETTER.exec(line); m; m = SETTER.exec(line)) {
    const value = m[3]!;
    const start = m.index + m[0].lastIndexOf(value);
    // SetKey names no qualifier: a cipher's key is a secret key all the same
    const key = /^key$/i.test(m[1]!) ? 'secret_key' : m[1]!;
    out.push({ key, parsed: { value, start, end: start + value.length } });
  }
  return out;
}
