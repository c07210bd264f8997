import type { Pair } from './types.js';

/**
 * Setters called with a literal: setPassword("…"), cipher->SetKey("…"), set_api_key('…'),
 * .setClientSecret("…"). The setter's noun is the name (SetSecretKey names a secret key); the
 * value is checked like any other assignment's.
 */
const SETTER = /\b[Ss]et_?((?:[A-Z]?[a-z]{1,12}_?){0,3}(?:[Pp]assword|[Pp]asswd|[Pp]assphrase|[Ss]ecret|[Tt]oken|[Kk]ey))\s{0,2}\(\s{0,2}[@$]?(["'])([^"'\n\\]{1,200})\2\s{0,2}\)/g;
export const SETTER_PREFILTER = /set_?[a-z_]{0,40}(?:pass|secret|token|key)/i;
/** Builders and fluent options: .password("…"), .apiKey("…"), .oauth_verifier("…"); the name decides. */
const BUILDER = /\.([a-z][A-Za-z_]{1,40})\s{0,2}\(\s{0,2}(["'])([^"'\n\\]{1,200})\2\s{0,2}\)/g;
const BUILDER_PREFILTER = /\.[a-z_]{0,40}(?:pass|pwd|secret|token|key|verifier|ticket)[a-z_]{0,10}\s{0,2}\(/i;

export function setterCalls(line: string): Pair[] {
  const out: Pair[] = [];
  SETTER.lastIndex = 0;
  for (let m = SETTER_PREFILTER.test(line) ? SETTER.exec(line) : null; m; m = SETTER.exec(line)) {
    const value = m[3]!;
    const start = m.index + m[0].lastIndexOf(value);
    // SetKey names no qualifier: a cipher's key is a secret key all the same
    const key = /^key$/i.test(m[1]!) ? 'secret_key' : m[1]!;
    out.push({ key, parsed: { value, start, end: start + value.length } });
  }
  if (!BUILDER_PREFILTER.test(line)) return out;
  BUILDER.lastIndex = 0;
  for (let m = BUILDER.exec(line); m; m = BUILDER.exec(line)) {
    // set… is read above; a verb takes a password to check or change it, it sets none
    if (/^(?:set|check|verify|validate|destroy|compare|match|is|has|get|find|hash|encrypt|decrypt|encode|decode|reset|change|update|authenticate|login|sign|with)(?:[A-Z_]|$)/.test(m[1]!)) continue;
    const value = m[3]!;
    const start = m.index + m[0].lastIndexOf(value);
    out.push({ key: m[1]!, parsed: { value, start, end: start + value.length } });
  }
  return out;
}
