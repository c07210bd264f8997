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
