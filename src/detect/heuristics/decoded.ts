import { looksLikeWords } from './bigram-words.js';
import { isPlaceholder } from './placeholder.js';

/**
 * Base64 that decodes to text which is not a credential: JSON (pagination tokens such as
 * eyJOZXh0VG9rZW4iOi...), prose, or a placeholder (base64 of "not my real password").
 */
export function decodesToNonSecret(value: string): boolean {
  if (value.length < 12 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(value) || /^[0-9a-f]+$/i.test(value)) return false;
  const text = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  if (!/^[\x20-\x7e\t\r\n]+$/.test(text) || text.length < 6) return false;
  if (/^\s*[[{]/.test(text)) return true;
  const password = text.includes(':') ? text.slice(text.indexOf(':') + 1) : text;
  return / [a-z]{2,}/i.test(password) || isPlaceholder(password) || (password.length >= 6 && looksLikeWords(password));
}

/** Values that name the thing they stand for: proxysecret1, export-token-xyz, my_api_key_here. */
export function namesACredential(value: string): boolean {
  return /secret|token|passw(?:or)?d|api[_-]?key|credential/i.test(value);
}
