import { SHORT_WORDS, isPronounceable } from './bigram-words.js';

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
