import { commonEnglishWords } from '../../patterns/word-list.js';
import { isPlaceholder } from './placeholder.js';
import { isHashLike } from './syntax.js';

/**
 * Word-likeness, measured against a dictionary instead of guessed from letter pairs: the share of
 * a value's letters that a segmentation into common English words (and a few software terms)
 * covers. `change-me-please-now` and `SuperSecretPassword` are fully covered; random values
 * are not, because common words of three letters and more rarely sit back to back by chance.
 * The dictionary (about 9,600 words, patterns/common-english-words.txt) is read and split into a
 * set on first use, so a scan that never reaches this check does not pay for it.
 */

/** Two-letter words and software terms the frequency list lacks or drops. */
const EXTRA_WORDS =
  'me my we us be do go no so up on in at to of is it an or if am ok id db ' +
  'api app env dev prod stage staging qa uat auth admin config conf cfg pwd pass passwd sql mysql postgres redis mongo ' +
  'arn iam role oauth token secret jwt http https www localhost docker kube cluster node npm repo git hub lab ci cd aws gcp azure';

let dictionary: Set<string> | undefined;
function words(): Set<string> {
  dictionary ??= new Set(`${commonEnglishWords()} ${EXTRA_WORDS}`.split(' '));
  return dictionary;
}

export interface WordCover {
  /** Letters in the value. */
  letters: number;
  /** Letters covered by dictionary words. */
  covered: number;
  /** Dictionary words used. */
  words: number;
}

/** Letters of one run covered by its best segmentation into dictionary words, and how many words it took. */
function coverRun(run: string, dict: Set<string>): { covered: number; words: number } {
  // best[i]: most letters of run[0, i) covered, fewest words breaking ties
  const best: Array<{ covered: number; words: number }> = [{ covered: 0, words: 0 }];
  for (let i = 1; i <= run.length; i++) {
    let pick = { covered: best[i - 1]!.covered, words: best[i - 1]!.words };
    for (let j = Math.max(0, i - 20); j <= i - 2; j++) {
      if (!dict.has(run.slice(j, i))) continue;
      const from = best[j]!;
      const cand = { covered: from.covered + (i - j), words: from.words + 1 };
      if (cand.covered > pick.covered || (cand.covered === pick.covered && cand.words < pick.words)) pick = cand;
    }
    best.push(pick);
  }
  return best[run.length]!;
}

/** How much of a value common words cover; letter runs are split at case changes (camelCase). */
export function wordCover(value: string): WordCover {
  const dict = words();
  const runs = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  const out: WordCover = { letters: 0, covered: 0, words: 0 };
  for (const run of runs) {
    const r = coverRun(run.toLowerCase(), dict);
    out.letters += run.length;
    out.covered += r.covered;
    out.words += r.words;
  }
  return out;
}

/** Whether a value reads as words: nearly all its letters in common words, averaging 3.5 letters or more. */
export function isWordLike(value: string, minShare = 0.85): boolean {
  const c = wordCover(value);
  if (c.letters < 6 || c.words === 0) return false;
  return c.covered / c.letters >= minShare && c.covered / c.words >= 3.5;
}

/** Names, words and decoded text: values that read as language or code rather than as random data. */

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

export const SHORT_WORDS = new Set(
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

export function isPronounceable(word: string): boolean {
  if (!/[aeiouy]/.test(word)) return false;
  let common = 0;
  for (let i = 1; i < word.length; i++) if (COMMON_BIGRAMS.has(word.slice(i - 1, i + 1))) common++;
  return common / (word.length - 1) >= 0.75;
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
  // (an htpasswd line user:{SHA}… or user:$apr1$… holds a hash of the password, not the password)
  return / [a-z]{2,}/i.test(password) || isPlaceholder(password) || isHashLike(password) || (password.length >= 6 && looksLikeWords(password));
}

/** Values that name the thing they stand for: proxysecret1, export-token-xyz, my_api_key_here. */
export function namesACredential(value: string): boolean {
  return /secret|token|passw(?:or)?d|api[_-]?key|credential/i.test(value);
}
