/** Which names hold secrets: the last word of the name decides (db_password, stripeApiKey). */

/** Words that, as the last word of a name, mean the name holds a secret. */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'pw']);
/** (an OAuth verifier and a JS-API ticket are short-lived credentials too) */
const TOKEN_WORDS = new Set(['token', 'accesstoken', 'authtoken', 'bearer', 'refreshtoken', 'verifier', 'ticket']);
/** Words that, before "token", name something that is not a credential: paging, idempotency, lexers. */
const NOT_CREDENTIAL_TOKEN = new Set([
  'next', 'page', 'continuation', 'pagination', 'cursor', 'sync', 'update', 'client', 'idempotency', 'request', 'change', 'resume',
  'cancel', 'cancellation', 'csrf', 'xsrf', 'authenticity', 'export', 'import', 'copy', 'product', 'work', 'unit', 'significant', 'last', 'first',
  'current', 'prev', 'previous', 'expected', 'parse', 'lexer', 'end', 'start', 'open', 'close', 'eof', 'type', 'kind', 'grant',
  'max', 'min', 'num', 'count', 'limit', 'stop', 'special', 'bos', 'eos', 'pad', 'unk', 'mask', 'sep', 'cls', 'input', 'output',
  'prompt', 'completion', 'total', 'identity', 'subject', 'policy', 'lock', 'lease', 'ack', 'cancel', 'span', 'trace',
]);
/** Words anywhere in a name that make it about a credential, not a holder of one: a public key, a hash of a token. */
const NOT_HELD = new Set(['public', 'publishable', 'pub', 'hashed', 'encoded', 'existing', 'md5', 'sha1', 'sha256', 'sha512', 'bcrypt', 'digest', 'encrypted', 'crypted', 'checksum', 'fingerprint', 'label', 'hint', 'placeholder', 'prompt', 'caption', 'tooltip', 'title']);
/** First words of two-word *_KEY variables that name no provider: SORT_KEY, SITE_KEY (reCAPTCHA's public one). */
const NOT_A_PROVIDER = new Set(['sort', 'site', 'primary', 'foreign', 'partition', 'cache', 'group', 'routing', 'idempotency', 'unique', 'lookup', 'map', 'index', 'row', 'column', 'object', 'shard', 'hot', 'menu', 'shortcut', 'dedup', 'cursor', 'next', 'page', 'redis', 'storage', 'bucket', 'file', 'config', 'lock', 'queue', 'topic', 'stream', 'table', 'metric', 'label', 'default', 'composite', 'meta', 'cluster', 'node', 'env', 'kms', 'gpg', 'pgp', 'ssh']);
/** Words before "pass" that make it a step of a process, not a password. */
const NOT_A_PASSWORD_PASS = new Set(['first', 'second', 'third', 'final', 'last', 'next', 'prev', 'previous', 'render', 'shader', 'filter', 'compile', 'compiler', 'optimization', 'multi', 'single', 'one', 'two', 'double', 'by', 'boarding', 'day', 'season', 'high', 'low', 'band']);
/** Seeds of generators and test data. */
const NOT_SECRET_SEED = new Set(['random', 'rand', 'rng', 'shuffle', 'faker', 'db', 'database', 'data', 'test', 'initial', 'hash', 'noise', 'sample', 'sampling', 'world', 'map', 'game']);
const SECRET_WORDS = new Set(['secret', 'secrets', 'salt', 'privatekey', 'signingkey', 'credential', 'credentials', 'cred', 'creds', 'sas']);
/** Words that, before "key", make it a secret key (api key, signing key...). */
const KEY_QUALIFIERS = new Set([
  'api', 'access', 'secret', 'private', 'signing', 'sign', 'encryption', 'encrypt', 'crypt', 'crypto', 'cipher', 'master', 'client', 'app',
  'application', 'license', 'licence', 'shared', 'hmac', 'session', 'cookie', 'auth', 'account', 'service', 'subscription', 'admin',
  'consumer', 'jwt', 'webhook', 'server', 'write', 'ingest', 'deploy', 'sdk', 'integration', 'mgmt', 'management', 'partner', 'merchant', 'aes',
  'hash', 'root', 'user', 'personal', 'dev', 'developer', 'prod', 'production', 'live', 'token', 'rest', 'primary', 'secondary', 'x', 'xapi',
  'trigger', 'upload', 'push', 'registration', 'enc', 'mac', 'verify', 'verification', 'otp', 'totp', 'mfa', 'recovery', 'security', 'secure',
  'tls', 'ssl', 'ssh', 'gpg', 'pgp', 'rsa', 'ec', 'ecdsa', 'ed25519', 'cert', 'certificate', 'sshkey', 'base',
]);

/** Last words that name a form or a variant of the secret before them, not another thing. */
const FORM_SUFFIXES = new Set(['default', 'sys', 'str', 'string', 'b64', 'base64', 'hex', 'raw', 'bytes', 'plain', 'plaintext', 'text', 'val', 'code', 'data', 'old', 'new']);

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
  if (words.some((w) => NOT_HELD.has(w))) return undefined;
  // a region or locale code: 'PW' => 'Palau', "en_PW" (Palau's code is no password)
  if (name === 'PW' || /^[a-z]{2,3}[_-]PW$/.test(name)) return undefined;
  // a switch that turns the credential off: --no-password, skip_token, disable_auth
  if (words.length > 1 && /^(?:no|without|skip|disable|disabled)$/.test(words[0]!)) return undefined;
  const prev = words[words.length - 2];
  const joined = (prev ?? '') + last;
  // a pass of a filter, a render or a compiler is no password: hwScaleFilterFirstPass, renderPass
  if (last === 'pass' && prev !== undefined && NOT_A_PASSWORD_PASS.has(prev)) return undefined;
  if (PASSWORD_WORDS.has(last) || /.(?:password|passwd|passphrase|pwd)$/.test(last) || /^(?:password|passwd|pwd|pass)\d{1,2}$/.test(last)) return 'generic-password';
  // the confirmation of a password is the password: password_confirmation, passwordConfirm
  if ((last === 'confirmation' || last === 'confirm') && prev !== undefined && PASSWORD_WORDS.has(prev)) return 'generic-password';
  if (last === 'auth' && (prev === undefined || prev === 'basic' || prev === 'http')) return 'generic-token';
  // one-word compounds: Apitoken, AUTHTOKEN, secretkey
  const compound = /^([a-z]{2,12})(token|key)$/.exec(last);
  if (compound && words.length <= 3 && !TOKEN_WORDS.has(last)) {
    if (compound[2] === 'token' && !NOT_CREDENTIAL_TOKEN.has(compound[1]!)) return 'generic-token';
    if (compound[2] === 'key' && [...KEY_QUALIFIERS].some((q) => q.length >= 3 && compound[1]!.endsWith(q))) return compound[1] === 'api' ? 'generic-api-key' : 'generic-secret';
  }
  if (TOKEN_WORDS.has(last) || TOKEN_WORDS.has(joined)) {
    if (last === 'token' && words.slice(0, -1).some((w) => NOT_CREDENTIAL_TOKEN.has(w))) return undefined;
    if (last === 'tokens' || words.includes('tokens')) return undefined;
    return 'generic-token';
  }
  if (last === 'key' || last === 'keys') {
    if (prev === 'api' || prev === 'x' || joined === 'apikey') return 'generic-api-key';
    if (prev !== undefined && KEY_QUALIFIERS.has(prev)) return 'generic-secret';
    // a bare "key" holding a long random value (the value test decides, at 16 characters and more)
    if (prev === undefined && last === 'key') return 'generic-secret';
    // an environment variable named after a provider: STEAM_KEY, LASTFM_KEY (the value must still look random)
    if (words.length === 2 && prev !== undefined && /^[A-Z][A-Z0-9]*_KEYS?$/.test(name) && !NOT_A_PROVIDER.has(prev)) return 'generic-api-key';
    return undefined;
  }
  if (last === 'apikey' || last === 'apikeys') return 'generic-api-key';
  if (SECRET_WORDS.has(last) || /^[a-z]{2,12}(?:secret|salt)$/.test(last)) return 'generic-secret';
  // seeds that derive keys (an NKEY seed, a wallet seed), not a random generator's seed; a nonce is
  // public by design (CSP, OAuth) and no name here
  if ((last === 'seed' && !words.some((w) => NOT_SECRET_SEED.has(w)))) return 'generic-secret';
  // a suffix that only says which one or in what form: tokenB, password_default, secret_b64, ORACLE_PasswordSys
  if (prev !== undefined && prev !== 'key' && (/^(?:[a-z]|\d{1,2})$/.test(last) || FORM_SUFFIXES.has(last)) && /(?:pass|pwd|secret|token|key|salt|seed)[a-z]*$/.test(prev)) {
    return classifyKey(words.slice(0, -1).join('_'));
  }
  // secret_key_base, app_key_value, password_hash is NOT a secret holder (hash of one)
  if ((last === 'base' || last === 'value') && prev !== undefined && (prev === 'key' || prev === 'secret' || prev === 'token' || prev === 'password')) {
    return classifyKey(words.slice(0, -1).join('_'));
  }
  return undefined;
}

/**
 * Which value test a name asks for: a password, or a secret named only "secret" (a session or JWT
 * secret, a shared secret), is chosen by people; tokens and keys are generated; a bare "key" names
 * anything (a map key, a React key), so only a long random value counts.
 */
export function valueKind(ruleId: string, name: string): string {
  if (ruleId !== 'generic-secret') return ruleId;
  const words = splitWords(name);
  if (words.length === 1 && words[0] === 'key') return 'bare-key';
  return words[words.length - 1] === 'secret' ? 'chosen-secret' : ruleId;
}
