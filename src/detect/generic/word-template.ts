import { wordCover } from '../heuristics.js';

/**
 * Word-like templates: two or more common words joined by separators or camel case, with at most
 * a short number: `change-me-please-now`, `super_secret_key`, `MySecretPassword`, `dev-token-1`.
 * They stand where a value should go; a chosen password is one word, or is not made of words.
 * Measured with the dictionary (heuristics/words.ts), not guessed from letter pairs.
 */
export function isWordTemplate(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9]*(?:[-_.:][A-Za-z0-9]+)*$/.test(value)) return false;
  const digits = value.replace(/\D/g, '').length;
  if (digits > 4) return false;
  const parts = value.split(/[-_.:]|(?<=[a-z])(?=[A-Z])/).filter((p) => /[A-Za-z]/.test(p));
  if (parts.length < 2) return false;
  const cover = wordCover(value);
  return cover.letters >= 6 && cover.covered / cover.letters >= 0.9 && cover.covered / Math.max(1, cover.words) >= 3;
}

/**
 * A word-like template that says it is one: three words or more, or words that ask for a value
 * (change-me-please, enter-password-here). `xray-password` or `sendgrid-pass` names a service's
 * real password, as people choose them.
 */
export function isPlaceholderTemplate(value: string): boolean {
  if (/change|replace|enter|insert|your|here|please|example|sample|dummy|fake|todo|placeholder/i.test(value)) return true;
  return value.split(/[-_.]|(?<=[a-z])(?=[A-Z])/).filter((p) => /[A-Za-z]{2}/.test(p)).length >= 3;
}
