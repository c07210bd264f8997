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

/**
 * The line with the secret masked. `shown` is the text as it stands in the file (the encoded
 * form for base64 or percent-encoded secrets). When that text cannot be found where expected,
 * everything from the column on is masked: a line is never printed with a secret left in it.
 */
export function redactLine(line: string, shown: string, column: number, redact: boolean, secret = shown): string {
  if (!redact) return line;
  const onLine = shown.split('\n')[0]!.replace(/\r$/, '');
  let start = column - 1;
  if (line.slice(start, start + onLine.length) !== onLine) start = onLine ? line.indexOf(onLine) : -1;
  if (start < 0) return `${line.slice(0, Math.max(0, column - 1))}${'*'.repeat(8)}`;
  const masked = shown === secret ? redactSecret(secret).split('\n')[0]! : '*'.repeat(8);
  return line.slice(0, start) + masked + line.slice(start + onLine.length);
}
