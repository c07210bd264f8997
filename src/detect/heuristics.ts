/**
 * Pure checks that recognise values which look like secrets but are not. Each one removes a
 * class of false positives named in its comment; test/unit/detect/heuristics.test.ts proves each.
 */

/** Documented example credentials and obvious fillers: AKIAIOSFODNN7EXAMPLE, xxxx, ****, changeme. */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|redacted|changeme|change[_-]me|replace[_-]?me|replace[_-]?with|insert[_-]?(?:your|key|token|here)|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass|pwd)|(?:key|token|secret|password)[_-]?here|^your[_-]|fixme|^todo$|notasecret|not[_-]?a[_-]?(?:real[_-]?)?secret|fake[_-]?(?:key|token|secret|password)|^(?:test|testing|secret|password|passwd|token|none|null|nil|undefined|true|false|empty|default|admin|root|guest|user)$/i;

export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/^(?:your|my|some|sample|example|fake|dummy)(?:[_-][a-z]|[A-Z][a-z]{2,}|$)/.test(value) && !/\d/.test(value)) return true;
  // truncated documentation values: QVdTOkN..., abc…xyz
  if (/\.\.\.|…/.test(value)) return true;
  if (isWeakPassword(value)) return true;
  // a run of one filler character dominating the value: xxxx, ****, ----, 0000, ....
  if (/([xX*#._\-0•])\1{5,}/.test(value)) return true;
  if (/^[xX*•#.]+$/.test(value)) return true;
  return isRepetitive(value);
}

/**
 * Dictionary passwords, also in leetspeak: P@55w0rd!, admin123, Welcome1. They are reported by
 * no rule: a real credential is never one of these, a test fixture often is.
 */
const WEAK = /^(?:pass|passwd|password|passphrase|secret|admin|administrator|root|toor|test|tester|guest|user|demo|default|changeme|letmein|qwerty|welcome|abc|iloveyou|monkey|dragon|master|login|hello|foobar|foo|bar|baz)$/;
export function isWeakPassword(value: string): boolean {
  const plain = value
    .toLowerCase()
    .replace(/[@4]/g, 'a')
    .replace(/[$5]/g, 's')
    .replace(/0/g, 'o')
    .replace(/[1!|]/g, 'i')
    .replace(/3/g, 'e')
    .replace(/7/g, 't')
    .replace(/[^a-z]+$/g, '')
    .replace(/^[^a-z]+/g, '');
  const unleet = plain.replace(/i/g, 'l');
  return WEAK.test(plain) || WEAK.test(unleet) || WEAK.test(plain.replace(/i$/, '')) || /^(?:pass|password|secret|admin|test)[\W_]?(?:word|pass|secret|key)?$/.test(plain);
}

/**
 * Documentation values built from counting runs: a1b2c3d4..., abcd1234efgh5678, AB1C2defGHijk.
 * The share of characters that sit in ascending or descending runs of three or more; random
 * values score near zero.
 */
export function isSequential(value: string): boolean {
  if (value.length < 6) return false;
  // interleaved counting: a1b2c3d4, A1B2C3
  const evens = [...value.toLowerCase()].filter((_, i) => i % 2 === 0).join('');
  const odds = [...value.toLowerCase()].filter((_, i) => i % 2 === 1).join('');
  if (value.length <= 16 && runShare(evens) >= 0.99 && runShare(odds) >= 0.99) return true;
  if (value.length < 8) return false;
  return runShare(value) >= (value.length >= 16 ? 0.25 : 0.3);
}

/** Share of characters in ascending or descending runs of three or more (step ±1). */
function runShare(value: string): number {
  let inRuns = 0;
  let run = 1;
  for (let i = 1; i <= value.length; i++) {
    const step = i < value.length ? value.charCodeAt(i) - value.charCodeAt(i - 1) : 0;
    const prevStep = i > 1 ? value.charCodeAt(i - 1) - value.charCodeAt(i - 2) : 0;
    if (i < value.length && (step === 1 || step === -1) && (run === 1 || step === prevStep)) run++;
    else {
      if (run >= 3) inRuns += run;
      run = 1;
      if (i < value.length && (step === 1 || step === -1)) run = 2;
    }
  }
  return inRuns / value.length;
}

/** Values with very few distinct characters or a counting run: aaaaaaaa, 12345678, abcdefgh. */
export function isRepetitive(value: string): boolean {
  const distinct = new Set(value).size;
  if (value.length >= 8 && distinct <= 3) return true;
  let run = 1;
  let longest = 1;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    run = step === 1 || step === -1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  return longest >= 8 || (value.length <= 12 && longest >= value.length - 1);
}

/** Template and interpolation syntax: ${X}, {{ x }}, %(x)s, $X, %X%, <TOKEN>, #{x}, @x@. */
export function isTemplate(value: string): boolean {
  return (
    /\{\{|\}\}|\$\{[^}]{0,100}\}|\$\(\s?[\w.-]{1,60}\s?\)|%\([\w.-]{1,60}\)[sd]|#\{[^}]{0,100}\}|<%=?[^%]{0,100}%>|\[\[[\w.\s-]{1,60}\]\]/.test(value) ||
    /^\$[A-Za-z_][\w.]{0,80}$/.test(value) ||
    /^%[A-Za-z_][\w.]{0,80}%$/.test(value) ||
    /^<[^<>]{1,80}>$/.test(value) ||
    /^@[A-Za-z_][\w.]{0,80}@$/.test(value) ||
    /^\{[A-Za-z_][\w.]{0,80}\}$/.test(value)
  );
}

/**
 * References to where a secret really lives: environment lookups, secret managers, encrypted
 * blobs, function calls. Removes `process.env.X`, `os.environ[...]`, `vault:...`, `ENC[...]`.
 */
export function isReference(value: string): boolean {
  return (
    /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|env\(|ENV\[|ENV\.fetch|System\.getenv|Environment\.|config\[|settings\.|secrets\.|\$_ENV|\$_SERVER|Deno\.env)/.test(value) ||
    /^(?:vault|secretsmanager|ssm|awssm|gcpsm|azurekeyvault|keyvault|op|doppler|sops|ref\+[a-z]+):/i.test(value) ||
    // an AWS ARN names a resource (a policy, a secret in Secrets Manager), it holds no secret
    /^arn:aws[\w-]{0,20}:[\w-]{1,40}:/.test(value) ||
    /^\$env:[A-Za-z_]/i.test(value) ||
    /^(?:ENC\[|!vault|\$ANSIBLE_VAULT|AgA[A-Za-z0-9+/]{20})/.test(value) ||
    // Maven's encrypted settings.xml passwords: {base64}
    /^\{[A-Za-z0-9+/]{8,200}={0,2}\}$/.test(value) ||
    /^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,6}\(.{0,200}\)[;,]?$/.test(value)
  );
}

/** Regular expressions written in code or tests: \d, \*, {8}, [^x]. */
export function isRegexSource(value: string): boolean {
  return /\\[dswbDSWB*.+?()[\]{}|^$]|\{\d{1,3}(?:,\d{0,3})?\}|\[\^?[^\]]{1,40}\][*+?{]|\(\?[:=!<]/.test(value);
}

/** Numbers, also negative, hexadecimal or with separators: -2146893048, 0x8009030C, 1_000_000. */
export function isNumber(value: string): boolean {
  return /^[-+]?(?:0x[0-9a-f]+|\d[\d_,]*(?:\.\d+)*)[lLuU]{0,2}$/i.test(value);
}

/**
 * Names rather than values: dotted or namespaced paths (auth.HTTPBasicAuth, CPAN::anycwd),
 * snake_case or UPPER_SNAKE words, and letters-only camelCase with few humps (eksKeypair).
 * Random secrets nearly always mix in digits and change case far more often.
 */
export function looksLikeIdentifier(value: string): boolean {
  if (/^[A-Za-z_$][\w$]{0,60}(?:(?:\.|::|->|#)[A-Za-z_$][\w$]{0,60}){1,8}(?:\(\))?$/.test(value) && !/\d{3}/.test(value)) return true;
  if (/^[A-Za-z][\w]{0,40}(?::[A-Za-z][\w]{0,40}){2,8}$/.test(value)) return true;
  if (/^[a-z]{1,20}(?:_[a-z]{1,20}){1,8}$/.test(value) || /^[A-Z]{1,20}(?:_[A-Z]{1,20}){1,8}(?:_\d{1,2})?$/.test(value)) return true;
  if (/^[A-Za-z]+$/.test(value) && /[a-z]/.test(value)) {
    // camelCase humps: an identifier has few, mostly long ones; random letters have many short ones
    const humps = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
    const short = humps.filter((h) => h.length < 3).length;
    const longest = Math.max(...humps.map((h) => h.length));
    const wordish = humps.filter((h) => (h.length >= 5 && isPronounceable(h.toLowerCase())) || SHORT_WORDS.has(h.toLowerCase()));
    const covered = wordish.reduce((n, h) => n + h.length, 0);
    return covered * 2 >= value.length && humps.length <= 5 && (short === 0 || (short <= 2 && longest >= 6));
  }
  return false;
}

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Content hashes and integrity strings: sha1/sha256/sha512 in hex, SRI "sha512-...", git SHAs. */
export function isHashLike(value: string): boolean {
  return (
    /^(?:sha(?:1|256|384|512)|md5)[-:]/i.test(value) ||
    /^sha256:[0-9a-f]{64}$/.test(value) ||
    // stored password hashes are what a login compares against, not credentials: bcrypt,
    // argon2, scrypt, crypt(3) ($1$ $5$ $6$ $y$), Django's pbkdf2, LDAP {SSHA}
    /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|[156y]|7|pbkdf2(?:-sha\d{1,3})?)\$/.test(value) ||
    /^(?:pbkdf2_sha\d{1,3}|bcrypt(?:_sha256)?|argon2|scrypt|sha1|md5)\$/.test(value) ||
    /^\{(?:SSHA|SHA|SMD5|MD5|CRYPT|PBKDF2[\w-]{0,10})\}/i.test(value)
  );
}

/**
 * Identifiers and prose. Random secrets tokenize poorly: their letter runs are short and rarely
 * look like English. Identifiers (HmacSha256RequestSigningInterceptorImpl) split into long,
 * pronounceable words. The score is the share of letters that sit in word-like runs.
 */
export function looksLikeWords(value: string): boolean {
  const parts = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+|[^A-Za-z\d]+/g) ?? [];
  const letters = value.replace(/[^A-Za-z]/g, '').length;
  if (letters < 6) return false;
  let wordy = 0;
  let longest = 0;
  let acronyms = 0;
  for (const part of parts) {
    if (!/^[A-Za-z]+$/.test(part)) continue;
    const lower = part.toLowerCase();
    if ((part.length >= 4 && isPronounceable(lower)) || SHORT_WORDS.has(lower)) {
      wordy += part.length;
      if (part.length > longest) longest = part.length;
    } else if (/^[A-Z]{2,5}$/.test(part)) acronyms += part.length;
  }
  // acronyms (JSX, API, HTTP) count as neither, once a long real word shows it is an identifier
  const counted = longest >= 7 ? letters - acronyms : letters;
  return wordy >= (counted < letters ? 8 : 6) && wordy / counted >= 0.8;
}

const SHORT_WORDS = new Set(
  (
    'in on to of is at by or as if up no id db my we be do go it an me ' +
    'api key app the and for get set new old max min web sdk aws gcp dev env log err msg str int num src dst tmp buf len idx val var obj ' +
    'ref fix add run use end out top raw sql ssl tls rsa sha hex dir doc fmt cfg ctx req res row col map job net cli ui io db2 jwt url uri ' +
    'impl base auth http data user name file path type list item node text line code info main test mock util'
  ).split(' '),
);

const COMMON_BIGRAMS = new Set(
  (
    'th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur ca el ta la ns di fo ho pe ec pr no ct us ac ot il tr ly nc et ut ss so rs un lo wa ge ie wh ee wi em ad ol rt po we na ul ni ts mo ow pa im mi ai sh ir su id os iv ia am fi ci vi pl ig tu ev ld ry mp fe bl ab gh ty op wo sa ay ex ke fr oo av ag if ap gr od bo sp rd do uc bu ei ov by rm ep tt oc fa ef cu rn sc gi da yo cr cl du ga qu ue ff ba ey ls va um pp ua up lu go ht ru ug ds lt pi rc rr eg au ck ew mu br bi pt ak pu ui rg ib tl ny ki rk ys ob mm fu ph og ms ye ud mb ip ub oi rl gu dr hr cc tw ft wn nu af hu nn eo vo rv nf xp gn sm fl iz ok nl my gl aw ju oa eq sy sl ps jo lf nv je nk kn gs dy hy ze ks xt bs ik dd cy rp sk xi oe oy ws lv dl rf eu dg wr xa yi nm eb rb tm xc eh tc gy ja hn yp za yt dv ym lm tp'
  ).split(' '),
);

function isPronounceable(word: string): boolean {
  if (!/[aeiouy]/.test(word)) return false;
  let common = 0;
  for (let i = 1; i < word.length; i++) if (COMMON_BIGRAMS.has(word.slice(i - 1, i + 1))) common++;
  return common / (word.length - 1) >= 0.75;
}
