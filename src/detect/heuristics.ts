/**
 * Pure checks that recognise values which look like secrets but are not. Each one removes a
 * class of false positives named in its comment; test/unit/detect/heuristics.test.ts proves each.
 */

/** Documented example credentials and obvious fillers: AKIAIOSFODNN7EXAMPLE, xxxx, ****, changeme. */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|redacted|changeme|change[_-]me|replace[_-]?me|replace[_-]?with|insert[_-]?(?:your|key|token|here)|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass|pwd)|(?:key|token|secret|password)[_-]?here|^your[_-]|fixme|^todo$|notasecret|not[_-]?a[_-]?(?:real[_-]?)?secret|fake[_-]?(?:key|token|secret|password)|^(?:test|testing|secret|password|passwd|token|none|null|nil|undefined|true|false|empty|default|admin|root|guest|user)$/i;

export function isPlaceholder(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  // a run of one filler character dominating the value: xxxx, ****, ----, 0000, ....
  if (/([xX*#._\-0•])\1{5,}/.test(value)) return true;
  if (/^[xX*•#.]+$/.test(value)) return true;
  return isRepetitive(value);
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
    /^(?:vault|secretsmanager|ssm|awssm|gcpsm|azurekeyvault|keyvault|op|doppler|sops|ref\+[a-z]+|arn:aws:(?:secretsmanager|ssm|kms)):/i.test(value) ||
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Content hashes and integrity strings: sha1/sha256/sha512 in hex, SRI "sha512-...", git SHAs. */
export function isHashLike(value: string): boolean {
  return /^(?:sha(?:1|256|384|512)|md5)[-:]/i.test(value) || /^sha256:[0-9a-f]{64}$/.test(value);
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
    if ((part.length >= 3 && isPronounceable(lower)) || SHORT_WORDS.has(lower)) {
      wordy += part.length;
      if (part.length > longest) longest = part.length;
    } else if (/^[A-Z]{2,5}$/.test(part)) acronyms += part.length;
  }
  // acronyms (JSX, API, HTTP) count as neither, once a long real word shows it is an identifier
  const counted = longest >= 6 ? letters - acronyms : letters;
  return wordy >= 6 && wordy / counted >= 0.8;
}

const SHORT_WORDS = new Set(['in', 'on', 'to', 'of', 'is', 'at', 'by', 'or', 'as', 'if', 'up', 'no', 'id', 'db', 'my', 'we', 'be', 'do', 'go', 'it', 'an', 'me']);

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
