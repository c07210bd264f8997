import type { Pair } from './types.js';

/**
 * Credentials passed by position or in a command rather than by name: SQL user definitions,
 * mysql -pSECRET, sshpass -p, JDBC getConnection(url, user, password), HTTP basic-auth tuples
 * and constructors, login(user, password). The value is checked like any other.
 */
const POSITIONAL: readonly RegExp[] = [
  /\bIDENTIFIED\s{1,3}BY\s{1,3}(?:PASSWORD\s{1,3})?'([^'\n]{1,200})'/gi,
  /\b(?:WITH|CREATE\s{1,3}USER\s{1,3}[\w"]{1,60})\s{1,3}(?:ENCRYPTED\s{1,3})?PASSWORD\s{1,3}'([^'\n]{1,200})'/gi,
  /\bmysql(?:dump|admin|sh)?\b[^\n]{0,100}?\s-p([^\s"'-][^\s"']{5,200})/g,
  /\bsshpass\s{1,3}-p\s{0,3}["']?([^\s"']{6,200})/g,
  /\bgetConnection\s{0,2}\([^,()]{1,100},\s{0,3}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']/g,
  /\bauth\s{0,2}=\s{0,2}\(\s{0,2}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']\s{0,2}\)/g,
  /\b(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|NetworkCredential|UsernamePasswordCredentials|PasswordAuthentication)\s{0,2}\(\s{0,2}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']/g,
  /\.login\s{0,2}\(\s{0,2}["'][^"'\n]{0,80}["']\s{0,3},\s{0,3}["']([^"'\n]{6,200})["']\s{0,2}\)/g,
];
export const POSITIONAL_PREFILTER = /identified|password|mysql|sshpass|getconnection|auth|credential|login/i;

export function positional(line: string): Pair[] {
  const out: Pair[] = [];
  if (!POSITIONAL_PREFILTER.test(line)) return out;
  for (const re of POSITIONAL) {
    re.lastIndex = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      const value = m[1]!;
      const start = m.index + m[0].lastIndexOf(value);
      out.push({ key: 'password', parsed: { value, start, end: start + value.length } });
    }
  }
  return out;
}
