import type { EntropySettings } from '../config/types.js';
import { isCode, isMinified, type Language } from '../util/file-type.js';
import { charsetOf, relativeEntropy, shannonEntropy } from './entropy.js';
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
} from './heuristics.js';

/**
 * The generic detector: secrets with no known format, found by the name they are assigned to
 * (db_password = "...", "apiKey": "...", <password>...</password>, --token ...) and kept only
 * when the value looks random for its charset.
 */

export { GENERIC_RULES, type GenericRuleMeta } from '../patterns/generic-rules.js';
export { DEFAULT_ENTROPY, type EntropySettings } from '../config/types.js';

export interface GenericHit {
  ruleId: string;
  keyName: string;
  /** Offsets of the value within the line. */
  start: number;
  end: number;
  value: string;
}

const LINE_PREFILTER = /pass|pwd|secret|token|key|auth|cred|salt|sign|private|bearer|cipher/i;
/** Whether a fragment can hold any generic finding at all (checked once, before its lines). */
export const GENERIC_PREFILTER = /pass|pwd|secret|token|key|auth|cred|salt|sign|private|bearer|cipher|identified|mysql|getconnection|login/i;
const KEY_WORD = /pass|pwd|secret|token|key|auth|cred|salt|sign|private|cipher/gi;
const IDENT_CHAR = /[\w.$@-]/;

/** Words that, as the last word of a name, mean the name holds a secret. */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'pw']);
const TOKEN_WORDS = new Set(['token', 'accesstoken', 'authtoken', 'bearer', 'refreshtoken']);
/** Words that, before "token", name something that is not a credential: paging, idempotency, lexers. */
const NOT_CREDENTIAL_TOKEN = new Set([
  'next', 'page', 'continuation', 'pagination', 'cursor', 'sync', 'update', 'client', 'idempotency', 'request', 'change', 'resume',
  'cancel', 'cancellation', 'csrf', 'xsrf', 'export', 'import', 'copy', 'product', 'work', 'unit', 'significant', 'last', 'first',
  'current', 'prev', 'previous', 'expected', 'parse', 'lexer', 'end', 'start', 'open', 'close', 'eof', 'type', 'kind', 'grant',
  'max', 'min', 'num', 'count', 'limit', 'stop', 'special', 'bos', 'eos', 'pad', 'unk', 'mask', 'sep', 'cls', 'input', 'output',
  'prompt', 'completion', 'total', 'identity', 'subject', 'policy', 'lock', 'lease', 'ack', 'cancel', 'span', 'trace',
]);
const SECRET_WORDS = new Set(['secret', 'secrets', 'salt', 'privatekey', 'signingkey', 'credential', 'credentials', 'cred', 'creds', 'sas']);
/** Words that, before "key", make it a secret key (api key, signing key...). */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'signing', 'sign', 'encryption', 'encrypt', 'crypt', 'crypto', 'cipher', 'master', 'client', 'app',
  'application', 'license', 'licence', 'shared', 'hmac', 'session', 'cookie', 'auth', 'account', 'storage', 'service', 'subscription', 'admin',
  'consumer', 'jwt', 'webhook', 'server', 'write', 'ingest', 'deploy', 'sdk', 'integration', 'mgmt', 'management', 'partner', 'merchant', 'aes',
  'hash', 'root', 'user', 'personal', 'dev', 'developer', 'prod', 'production', 'live', 'token', 'rest', 'primary', 'secondary', 'x', 'xapi',
  'trigger', 'upload', 'push', 'registration', 'enc', 'mac', 'verify', 'verification', 'otp', 'totp', 'mfa', 'recovery', 'security', 'secure',
  'tls', 'ssl', 'ssh', 'gpg', 'pgp', 'rsa', 'ec', 'ecdsa', 'ed25519', 'cert', 'sshkey', 'base',
]);

function splitWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Which generic rule a name like `db_password` or `stripeApiKey` belongs to, or undefined. */
export function classifyKey(name: string): string | undefined {
  const words = splitWords(name);
  const last = words[words.length - 1];
  if (!last) return undefined;
  if (words.some((w) => w === 'public' || w === 'publishable' || w === 'pub')) return undefined;
  const prev = words[words.length - 2];
  const joined = (prev ?? '') + last;
  if (PASSWORD_WORDS.has(last) || /.(?:password|passwd|passphrase)$/.test(last)) return 'generic-password';
  if (last === 'auth' && (prev === undefined || prev === 'basic' || prev === 'http')) return 'generic-token';
  if (TOKEN_WORDS.has(last) || TOKEN_WORDS.has(joined)) {
    if (last === 'token' && words.slice(0, -1).some((w) => NOT_CREDENTIAL_TOKEN.has(w))) return undefined;
    if (last === 'tokens' || words.includes('tokens')) return undefined;
    return 'generic-token';
  }
  if (last === 'key' || last === 'keys') {
    if (prev === 'api' || prev === 'x' || joined === 'apikey') return 'generic-api-key';
    if (prev !== undefined && KEY_QUALIFIERS.has(prev)) return 'generic-secret';
    return undefined;
  }
  if (last === 'apikey' || last === 'apikeys') return 'generic-api-key';
  if (SECRET_WORDS.has(last) || /^[a-z]{2,12}secret$/.test(last)) return 'generic-secret';
  // secret_key_base, app_key_value, password_hash is NOT a secret holder (hash of one)
  if ((last === 'base' || last === 'value') && prev !== undefined && (prev === 'key' || prev === 'secret' || prev === 'token' || prev === 'password')) {
    return classifyKey(words.slice(0, -1).join('_'));
  }
  return undefined;
}

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

interface Parsed {
  value: string;
  start: number;
  end: number;
}

/** Read a value starting at `i`: a quoted string (also \"escaped\" quotes) or, outside code, a bare word. */
function readValue(line: string, i: number, bareAllowed: boolean): Parsed | undefined {
  let pos = i;
  // string prefixes: python b"", r"", f"", C# @"" and $"", Kotlin/Swift none
  const prefix = /^(?:[rbfuRBFU]{1,2}|@|\$|[A-Z]?[a-z]{0,8}!?)(?=["'`])/.exec(line.slice(pos, pos + 12));
  if (prefix && prefix[0].length <= 2) pos += prefix[0].length;
  let quote = line[pos];
  let escapedQuote = false;
  if (quote === '\\' && (line[pos + 1] === '"' || line[pos + 1] === "'")) {
    escapedQuote = true;
    quote = line[pos + 1];
    pos += 1;
  }
  if (quote === '"' || quote === "'" || quote === '`') {
    const start = pos + 1;
    let j = start;
    while (j < line.length) {
      const ch = line[j];
      if (escapedQuote) {
        if (ch === '\\' && line[j + 1] === quote) break;
      } else if (ch === '\\') {
        j += 2;
        continue;
      } else if (ch === quote) break;
      j++;
    }
    if (j >= line.length) return undefined;
    return { value: line.slice(start, j), start, end: j };
  }
  if (!bareAllowed) return undefined;
  const m = /^[^\s"'`,;<>(){}[\]]{1,1000}/.exec(line.slice(pos));
  if (!m) return undefined;
  let value = m[0];
  // trailing comment markers glued to the value are not part of it
  value = value.replace(/(?:\\n|\\r)+$/, '');
  return { value, start: pos, end: pos + value.length };
}

/** Find `name <op> value` assignments around every secret-like word of the line. */
function assignments(line: string, language: Language): Array<{ key: string; parsed: Parsed }> {
  const out: Array<{ key: string; parsed: Parsed }> = [];
  const seen = new Set<number>();
  const bareAllowed = !isCode(language) && language !== 'json' && language !== 'notebook';
  KEY_WORD.lastIndex = 0;
  for (let m = KEY_WORD.exec(line); m; m = KEY_WORD.exec(line)) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s > 0 && IDENT_CHAR.test(line[s - 1]!)) s--;
    while (e < line.length && IDENT_CHAR.test(line[e]!)) e++;
    KEY_WORD.lastIndex = e;
    if (seen.has(s)) continue;
    seen.add(s);
    // inside a namespaced type (AWS::ApiGateway::ApiKey), an ARN (...:secret:name) or a path;
    // a Ruby symbol (:password =>) and PowerShell's $env:API_KEY are names all the same
    if (s > 0 && line[s - 1] === '/') continue;
    if (s > 1 && line[s - 1] === ':' && /[\w:]/.test(line[s - 2]!) && !/\$env:$/i.test(line.slice(Math.max(0, s - 5), s))) continue;
    let key = line.slice(s, e).replace(/^[$@-]+|[.-]+$/g, '');
    if (key.startsWith('--')) key = key.slice(2);
    const quotedKey = s > 0 && (line[s - 1] === '"' || line[s - 1] === "'");
    let i = e;
    // closing quote or bracket of the key: "password": / ['password'] = / ENV["TOKEN"] =
    while (i < line.length && (line[i] === '"' || line[i] === "'" || line[i] === ']' || line[i] === '\\' || line[i] === '`')) i++;
    // prose in docs: Set `API_TOKEN` to `value`
    const prose = (language === 'markdown' || language === 'text') && line[i - 1] === '`' ? /^\s{1,3}(?:to|=|is|as|:)\s{1,3}(?=`)/.exec(line.slice(i)) : null;
    if (prose) {
      const parsed = readValue(line, i + prose[0].length, false);
      if (parsed) out.push({ key, parsed });
      continue;
    }
    const beforeSpace = i;
    while (line[i] === ' ' || line[i] === '\t') i++;
    // a type annotation: name: string = "x", val name: String = "x"
    const typed = /^:\s{0,3}[\w.<>[\]|?&':, ]{1,60}?\s{0,3}(?==[^=>])/.exec(line.slice(i));
    if (typed) i += typed[0].length;
    let op = /^(?::=|=>|\?\?=|\|\|=|\?=|\+=|=(?![=~])|:(?!:)|,)/.exec(line.slice(i));
    if (!op && i > beforeSpace && !typed) {
      op = [' '] as unknown as RegExpExecArray;
      i = beforeSpace;
    }
    if (!op) continue;
    if (op[0] === ',' && !quotedKey) continue;
    if (op[0] === ' ') {
      // a space separates name and value only in "--password value" flags, "KEY value" lines
      // (.netrc-like, after an optional export) and Dockerfile ENV/ARG; in prose it does not
      const before = line.slice(0, s).trim();
      const flag = line[s] === '-';
      const lineStart = before === '' || before === 'export';
      const dockerEnv = language === 'dockerfile' && /^(?:ENV|ARG)$/i.test(before);
      if (!flag && !lineStart && !dockerEnv) continue;
    }
    i += op[0].length;
    while (line[i] === ' ' || line[i] === '\t') i++;
    // a value wrapped in a constructor: String::from("..."), new String("..."), SecretStr("...")
    const wrapper = /^(?:new\s+)?[A-Za-z_][\w.:]{0,40}\(\s{0,2}(?=[@$]?["'`])/.exec(line.slice(i));
    if (wrapper) i += wrapper[0].length;
    const parsed = readValue(line, i, (bareAllowed || language === 'shell' || language === 'dockerfile') && !wrapper);
    if (parsed) out.push({ key, parsed });
  }
  return out;
}

const XML_ELEMENT = /<([\w.:-]{1,80})(\s[^<>]{0,300})?>([^<>\s]{1,500})<\/\1>/g;
const XML_NAME_ATTR = /\b(?:name|key)\s{0,2}=\s{0,2}"([^"]{1,100})"/;
const XML_VALUE_ATTR = /\bvalue\s{0,2}=\s{0,2}"([^"]{0,500})"/;

function xmlAssignments(line: string): Array<{ key: string; parsed: Parsed }> {
  const out: Array<{ key: string; parsed: Parsed }> = [];
  XML_ELEMENT.lastIndex = 0;
  for (let m = XML_ELEMENT.exec(line); m; m = XML_ELEMENT.exec(line)) {
    const attrs = m[2] ?? '';
    const named = XML_NAME_ATTR.exec(attrs);
    const key = named?.[1] ?? m[1]!;
    const start = m.index + m[0].indexOf('>') + 1;
    out.push({ key, parsed: { value: m[3]!, start, end: start + m[3]!.length } });
  }
  // <add key="DbPassword" value="..."/>
  const named = XML_NAME_ATTR.exec(line);
  const valued = XML_VALUE_ATTR.exec(line);
  if (named && valued) {
    const start = valued.index + valued[0].indexOf('"') + 1;
    out.push({ key: named[1]!, parsed: { value: valued[1]!, start, end: start + valued[1]!.length } });
  }
  return out;
}

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
const POSITIONAL_PREFILTER = /identified|password|mysql|sshpass|getconnection|auth|credential|login/i;

function positional(line: string): Array<{ key: string; parsed: Parsed }> {
  const out: Array<{ key: string; parsed: Parsed }> = [];
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

const NAME_LINE = /^\s{0,40}-?\s{0,4}name:\s{0,4}["']?([A-Za-z_][\w.-]{0,80})["']?\s{0,4}$/;
const VALUE_LINE = /^(\s{0,40}value:\s{0,4})(.{1,1000})$/;

/** Run the generic detector over one line (`previous` is the line before, when known). */
export function detectGenericLine(line: string, language: Language, file: string, settings: EntropySettings, previous?: string): GenericHit[] {
  if (line.length > settings.maxLineLength || language === 'lockfile' || isMinified(file)) return [];
  // Kubernetes and compose env lists: "- name: DB_PASSWORD" then "value: ..."
  if (previous !== undefined && (language === 'yaml' || language === 'kubernetes' || language === 'docker-compose' || language === 'github-actions' || language === 'gitlab-ci')) {
    const name = NAME_LINE.exec(previous);
    const value = name ? VALUE_LINE.exec(line) : null;
    if (name && value) {
      const ruleId = classifyKey(name[1]!);
      const parsed = readValue(line, value[1]!.length, true);
      if (ruleId && parsed && !rejectValue(parsed.value, settings)) return [{ ruleId, keyName: name[1]!, start: parsed.start, end: parsed.end, value: parsed.value }];
    }
  }
  if (!LINE_PREFILTER.test(line) && !POSITIONAL_PREFILTER.test(line)) return [];
  const pairs = [...assignments(line, language), ...positional(line)];
  if (line.includes('</') || line.includes('value=')) pairs.push(...xmlAssignments(line));
  const hits: GenericHit[] = [];
  const taken = new Set<number>();
  for (const { key, parsed } of pairs) {
    const ruleId = classifyKey(key);
    if (!ruleId || taken.has(parsed.start)) continue;
    const value = parsed.value;
    if (rejectValue(value, settings)) continue;
    taken.add(parsed.start);
    hits.push({ ruleId, keyName: key, start: parsed.start, end: parsed.end, value });
  }
  return hits;
}
