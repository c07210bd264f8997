/**
 * Masking: the only code that turns a raw secret into printable text. It keeps a well-known
 * prefix (sk_live_, ghp_, xoxb-) and, for long secrets, the last four characters, so the user
 * can tell which key it is without the output ever repeating it.
 */
const PREFIX = /^(?:[A-Za-z]{2,12}[_-]){1,2}/;

export function redactSecret(secret: string): string {
  const firstLine = secret.split(/\r?\n/)[0] ?? '';
  if (firstLine.startsWith('-----BEGIN')) return `${firstLine} ****`;
  let prefix = PREFIX.exec(secret)?.[0] ?? '';
  if (prefix.length > 12 || prefix.length * 3 > secret.length) prefix = '';
  const suffix = secret.length >= 20 ? secret.slice(-4) : '';
  return `${prefix}${'*'.repeat(8)}${suffix}`;
}

/** The line with the secret (or the part of it on this line) masked. */
export function redactLine(line: string, secret: string, column: number, redact: boolean): string {
  const onLine = secret.split('\n')[0]!.replace(/\r$/, '');
  const start = column - 1;
  if (line.slice(start, start + onLine.length) !== onLine) return line;
  const shown = redact ? redactSecret(secret).split('\n')[0]! : onLine;
  return line.slice(0, start) + shown + line.slice(start + onLine.length);
}
