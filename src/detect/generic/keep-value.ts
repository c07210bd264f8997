import { charsetOf, relativeEntropy, shannonEntropy } from '../entropy.js';
import {
  decodesToNonSecret,
  isFiller,
  isFixturePassword,
  isHashLike,
  isNumber,
  isPlaceholder,
  isPronounceable,
  isReference,
  isRegexSource,
  isSequential,
  isTemplate,
  isUuid,
  isWordLike,
  looksLikeIdentifier,
  looksLikeWords,
  namesACredential,
  wordCover,
} from '../heuristics.js';
import type { EntropySettings } from './types.js';

/**
 * Whether to report a value assigned to a secret-like name. Two tests, by what the name says:
 * - a password-named key holds a credential whatever its entropy (people choose passwords), so
 *   only placeholders, references, names and word-like templates are left out; so does a name
 *   that says only "secret" (a session or JWT secret), unless the value names a credential;
 * - a token-, key- or secret-named key holds a generated value, so it must also look random for
 *   its charset (relative entropy, floors per charset) and not read as words.
 * A UUID under such a name is a credential (many services issue UUID keys); elsewhere leakguard
 * never looks at it.
 */
export function rejectValue(value: string, settings: EntropySettings, ruleId = 'generic-token'): string | undefined {
  if (ruleId === 'generic-password') return rejectPassword(value);
  if (ruleId === 'bare-key' && !/^[A-Za-z0-9+/_=-]{16,}$/.test(value)) return 'not the long base64 or hex a bare key holds';
  // (a GPG key id or fingerprint is 8 to 40 hex digits, and public)
  if (ruleId === 'bare-key' && /^(?:0x)?[0-9A-Fa-f]{8,40}$/.test(value)) return 'a key id or fingerprint';
  if (ruleId === 'chosen-secret') {
    if (/^[a-z]{0,6}test[a-z]{0,6}\d{0,3}$/i.test(value)) return 'a test value';
    return rejectPassword(value, true) ?? (namesACredential(value) || /(?:^|[-_.])key(?:$|[-_.])/i.test(value) ? 'names a credential instead of being one' : undefined);
  }
  if (value.length < settings.minLength) return 'shorter than the minimum length';
  const shape = notASecret(value);
  if (shape) return shape;
  if (isUuid(value)) return undefined;
  if (isSequential(value)) return 'counting runs (a documentation value)';
  // a slug of lowercase words and versions names a thing (a storage key 'todos-vuejs-3.x'); a generated
  // value mixes letters and digits within its parts
  if (/^[a-z]{2,}(?:[-.](?:[a-z]{2,}|\d{1,4}|x)){2,}$/.test(value)) return 'a name (lowercase words joined by hyphens)';
  if (looksLikeIdentifier(value)) return 'an identifier or name';
  if (namesACredential(value)) return 'names a credential instead of being one';
  if (decodesToNonSecret(value)) return 'base64 of text that is not a secret';
  if (isWordTemplate(value)) return 'words';
  if (value.length < 16 && /(?:^|[-_.])(?:test|demo|sample|fake|dummy|example)(?:$|[-_.])/i.test(value)) return 'a test value';
  if (looksLikeWords(value)) return 'looks like words or an identifier';
  if (value.length < 20 && relativeEntropy(value) < settings.minRelative) return 'low entropy';
  if (value.length >= 20) {
    const floor = settings[charsetOf(value)];
    if (shannonEntropy(value) < floor) return 'low entropy for its charset';
  }
  if (/^(?:[a-z]+|[A-Z]+)$/.test(value) && value.length < 16) return 'letters of one case only';
  return undefined;
}

/** People choose short passwords: four characters is the shortest a service commonly accepts. */
const PASSWORD_MIN_LENGTH = 4;

function rejectPassword(value: string, generated = false): string | undefined {
  if (value.length < PASSWORD_MIN_LENGTH) return 'shorter than the minimum password length';
  const shape = notASecret(value, true);
  if (shape) return shape;
  if (isSequential(value)) return 'counting runs (a documentation value)';
  const label = passwordLabel(value, generated);
  if (label) return label;
  // (camelCase counts only when common words make it up: newPassword, not a random VZbuceoGdmak)
  if (looksLikeIdentifier(value) && (/[_.:]/.test(value) || (/[a-z][A-Z]/.test(value) && isWordLike(value)))) return 'an identifier or name';
  if (isWordTemplate(value) && isPlaceholderTemplate(value)) return 'a word-like template';
  if (decodesToNonSecret(value)) return 'base64 of text that is not a secret';
  return undefined;
}

/** Types, field states, casts (Laravel's 'password' => 'hashed') and authentication schemes: what code compares a password field with. */
const TYPE_NAMES = /^(?:string|str|text|number|int|integer|bool|boolean|object|any|unit|n?varchar2?|n?char|n?clob|blob|bytea|varbinary|bytes|hidden|required|optional|null|none|bearer|basic|digest|oauth2?|ntlm|negotiate|kerberos|hashed|encrypted)[!?]?$/i;

/** What stands in a password's place without being one: a type, a label, an encrypted blob, an address, a validation rule. */
function passwordLabel(value: string, generated: boolean): string | undefined {
  if (TYPE_NAMES.test(value)) return 'a type or field name';
  // a capitalised word is a label or its translation (Password, Senha, Wachtwoord)
  if ((/^[A-Z][a-z]{2,}$/.test(value) && isPronounceable(value.toLowerCase())) || /^[A-Za-z][a-z ]{2,30}:$/.test(value)) return 'a label';
  // an IAM action (cognito-idp:ChangePassword) or a package version (^1.0.0)
  if (/^[a-z][a-z0-9-]{1,30}:[A-Z][A-Za-z]{2,60}$/.test(value) || /^[~^<>=v]{1,2}\d+(?:\.\d+){1,3}/.test(value)) return 'an action name or a version';
  // people do not type 30+ characters of base64: an encrypted or encoded value
  // (a secret may well be generated base64: SESSION_SECRET = "<44 base64>")
  if (!generated && /^[A-Za-z0-9+/]{30,}={0,2}(?:[A-Za-z0-9+/]{4,}={0,2})?$/.test(value) && /[+/=]/.test(value)) return 'an encrypted or encoded value';
  if (/^[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+$/.test(value)) return 'an e-mail address';
  if (/^[a-z_]{2,20}(?::[\w,.]{1,20})?(?:\|[a-z_]{2,20}(?::[\w,.]{1,20})?)+$/.test(value)) return 'a validation rule';
  return undefined;
}

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
  if (/^[./\\~]+$/.test(value) || /^(?:~|\.{1,2})?\/(?:[\w.-]{1,60}\/){1,12}$/.test(value)) return 'a relative path or a folder';
  if (/^(?:application|text|image|audio|video|multipart|font|model|message)\/[\w.+-]{1,80}$/.test(value)) return 'a media type';
  if (/^[A-Za-z]:\\/.test(value)) return 'a Windows path';
  if (/^--?[a-z][\w-]{1,40}=?$/.test(value)) return 'a command-line flag';
  if (/^[A-Z][a-z]{2,12}-[A-Z][A-Za-z]{2,30}$/.test(value)) return 'a PowerShell command';
  if (/^\\{1,2}[0-9a-f]{2,6}$/i.test(value)) return 'a character escape (icon fonts)';
  if (/^@[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/.test(value)) return 'a stylesheet variable';
  if (/^[.+]\s?\$[A-Za-z_]/.test(value)) return 'code: a concatenation with a variable';
  if (isNumber(value)) return 'a number';
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return 'a date';
  return undefined;
}

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
  if (/change|replace|enter|insert|your|here|please|example|sample|dummy|fake|todo|placeholder|secure|strong/i.test(value)) return true;
  return value.split(/[-_.]|(?<=[a-z])(?=[A-Z])/).filter((p) => /[A-Za-z]{2}/.test(p)).length >= 3;
}
