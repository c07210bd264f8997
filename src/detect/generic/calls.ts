import type { Pair } from './types.js';

/**
 * Credentials passed by position or in a command rather than by name: SQL user definitions,
 * mysql -pSECRET, sshpass -p, JDBC getConnection(url, user, password), HTTP basic-auth tuples
 * and constructors, login(user, password). The value is checked like any other.
 */
const POSITIONAL: ReadonlyArray<readonly [RegExp, ...string[]]> = [
  // each with the words one of which every match holds (written in lower case for an /i pattern,
  // whose line is lowered first): a line is tried only against the patterns whose word it holds,
  // so a hook whose lines say "@author" compiles one of these regexes, not nine
  [/\bIDENTIFIED\s{1,3}BY\s{1,3}(?:PASSWORD\s{1,3})?'([^'\n]{1,200})'/gi, 'identified'],
  [/\b(?:WITH|CREATE\s{1,3}USER\s{1,3}[\w"]{1,60})\s{1,3}(?:ENCRYPTED\s{1,3})?PASSWORD\s{1,3}'([^'\n]{1,200})'/gi, 'password'],
  [/\bmysql(?:dump|admin|sh)?\b[^\n]{0,100}?\s-p([^\s"'-][^\s"']{5,200})/g, 'mysql'],
  [/\bsshpass\s{1,3}-p\s{0,3}["']?([^\s"']{6,200})/g, 'sshpass'],
  [/\bgetConnection\s{0,2}\([^,()]{1,100},\s{0,3}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']/g, 'getConnection'],
  [/\bauth\s{0,2}=\s{0,2}\(\s{0,2}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']\s{0,2}\)/g, 'auth'],
  [/\b(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|NetworkCredential|UsernamePasswordCredentials|PasswordAuthentication)\s{0,2}\(\s{0,2}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']/g, 'Auth', 'Credential'],
  [/\.login\s{0,2}\(\s{0,2}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']\s{0,2}\)/g, '.login'],
  // PowerShell: a plain-text SecureString is the password written out
  [/\bConvertTo-SecureString\s{1,3}(?:-String\s{1,3})?["']([^"'\n]{4,200})["']\s{1,3}-AsPlainText\b/gi, 'convertto-securestring'],
];
export const POSITIONAL_PREFILTER = /identified|password|mysql|sshpass|getconnection|auth|credential|login|securestring/i;

export function positional(line: string): Pair[] {
  const out: Pair[] = [];
  if (!POSITIONAL_PREFILTER.test(line)) return out;
  let lower: string | undefined;
  for (const [re, ...words] of POSITIONAL) {
    const text = re.ignoreCase ? (lower ??= line.toLowerCase()) : line;
    if (!words.some((w) => text.includes(w))) continue;
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const value = m[1]!;
      const start = m.index + m[0].lastIndexOf(value);
      out.push({ key: 'password', parsed: { value, start, end: start + value.length } });
    }
  }
  return out;
}

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

/**
 * A flag and its value as two items of an argument list: ["--keystore-password", "…"],
 * exec.Command("tool", "--api-token", "…"). The flag names the value; the value is checked like
 * any other assignment's.
 */
const FLAG_ARGUMENT = /(["'])--?([A-Za-z][\w-]{1,40})\1\s{0,3},\s{0,3}(["'])([^"'\n\\]{1,200})\3/g;

export function flagArguments(line: string): Pair[] {
  const out: Pair[] = [];
  if (!line.includes('-')) return out;
  FLAG_ARGUMENT.lastIndex = 0;
  for (let m = FLAG_ARGUMENT.exec(line); m; m = FLAG_ARGUMENT.exec(line)) {
    const value = m[4]!;
    // an option spec is no secret: docker build --secret id=…,src=…
    if (/^[\w.-]{1,40}=/.test(value)) continue;
    const start = m.index + m[0].lastIndexOf(value);
    out.push({ key: m[2]!, parsed: { value, start, end: start + value.length } });
  }
  return out;
}
