import { isFiller, isFixturePassword, isHashLike, isNumber, isPlaceholder, isReference, isRegexSource, isTemplate } from '../heuristics.js';

/**
 * Shapes that are never a secret, whatever the name they are assigned to: templates, references,
 * placeholders (for passwords: fillers and the passwords tests type; a default password such as
 * admin or postgres does open the service), hashes, URLs without credentials, file names and paths, numbers, and prose in a
 * script other than Latin (translated UI text: a password is never written in it).
 */
export function notASecret(value: string, password = false): string | undefined {
  if (value.length > 1000) return 'too long for a hand-written secret';
  if (/\s/.test(value)) return 'contains spaces (prose)';
  if (/[^\x00-\x7f]/.test(value) && /\p{L}/u.test(value.replace(/[\x00-\x7f]/g, ''))) return 'non-ASCII letters (translated text)';
  if (/(?:\\{1,2}u(?!00[0-7])[0-9a-f]{4}){2}/i.test(value)) return 'escaped non-ASCII letters (translated text)';
  if (isTemplate(value)) return 'a template placeholder';
  if (isReference(value)) return 'a reference to a secret store or environment';
  if (isRegexSource(value)) return 'a regular expression';
  if (password ? isFiller(value) || isFixturePassword(value) : isPlaceholder(value)) return 'a placeholder';
  if (isHashLike(value)) return 'a content hash';
  if (/^(?:https?|ftp|file|s3|gs|wss?):\/\//i.test(value) && !/:[^@/]{1,200}@/.test(value)) return 'a URL without credentials';
  if (/^[\w.-]{1,60}\.(?:pem|key|p12|pfx|json|txt|crt|cer|der|jks|keystore|gpg|asc|env)$/i.test(value)) return 'a file name';
  if (/^(?:~|\.{1,2})?\/?(?:[\w.-]{1,60}\/){1,12}[\w-]{1,60}\.[A-Za-z]{1,6}$/.test(value) || /^(?:~|\.{1,2})?\/(?:[\w.-]{1,60}\/){1,12}[\w.-]{1,60}$/.test(value)) {
    return 'a file path';
  }
  if (/^[./\\~]+$/.test(value)) return 'a relative path';
  if (/^\\{1,2}[0-9a-f]{2,6}$/i.test(value)) return 'a character escape (icon fonts)';
  if (/^@[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(value)) return 'a stylesheet variable';
  if (isNumber(value)) return 'a number';
  return undefined;
}
