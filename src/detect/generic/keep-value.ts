import { charsetOf, relativeEntropy, shannonEntropy } from '../entropy.js';
import {
  decodesToNonSecret,
  isHashLike,
  isNumber,
  isPlaceholder,
  isReference,
  isRegexSource,
  isSequential,
  isTemplate,
  isUuid,
  looksLikeIdentifier,
  looksLikeWords,
  namesACredential,
} from '../heuristics.js';
import type { EntropySettings } from './types.js';

/** Why a value assigned to a secret-like name is not reported, or undefined to report it. */
export function rejectValue(value: string, settings: EntropySettings): string | undefined {
  if (value.length < settings.minLength) return 'shorter than the minimum length';
  if (value.length > 1000) return 'too long for a hand-written secret';
  if (/\s/.test(value)) return 'contains spaces (prose)';
  if (isTemplate(value)) return 'a template placeholder';
  if (isReference(value)) return 'a reference to a secret store or environment';
  if (isRegexSource(value)) return 'a regular expression';
  if (isPlaceholder(value)) return 'a placeholder';
  if (isUuid(value)) return 'a UUID';
  if (isHashLike(value)) return 'a content hash';
  if (/^(?:https?|ftp|file|s3|gs|wss?):\/\//i.test(value) && !/:[^@/]{1,200}@/.test(value)) return 'a URL without credentials';
  if (/^[\w.-]{1,60}\.(?:pem|key|p12|pfx|json|txt|crt|cer|der|jks|keystore|gpg|asc|env)$/i.test(value)) return 'a file name';
  if (/^(?:~|\.{1,2})?\/?(?:[\w.-]{1,60}\/){1,12}[\w-]{1,60}\.[A-Za-z]{1,6}$/.test(value) || /^(?:~|\.{1,2})?\/(?:[\w.-]{1,60}\/){1,12}[\w.-]{1,60}$/.test(value)) {
    return 'a file path';
  }
  if (isNumber(value)) return 'a number';
  if (isSequential(value)) return 'counting runs (a documentation value)';
  if (looksLikeIdentifier(value)) return 'an identifier or name';
  if (namesACredential(value)) return 'names a credential instead of being one';
  if (decodesToNonSecret(value)) return 'base64 of text that is not a secret';
  if (/^(?:[a-z]+[._-])+[a-z]+$/i.test(value) && looksLikeWords(value.replace(/[._-]/g, ''))) return 'words';
  if (looksLikeWords(value)) return 'looks like words or an identifier';
  if (relativeEntropy(value) < settings.minRelative) return 'low entropy';
  if (value.length >= 20) {
    const floor = settings[charsetOf(value)];
    if (shannonEntropy(value) < floor) return 'low entropy for its charset';
  }
  if (/^(?:[a-z]+|[A-Z]+)$/.test(value) && value.length < 16) return 'letters of one case only';
  return undefined;
}
