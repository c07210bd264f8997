import { describe, expect, it } from 'vitest';
import { GENERIC_PREFILTER } from '../../src/detect/generic.js';
import { genericHits } from '../../src/detect/generic-lines.js';
import { KeywordIndex } from '../../src/detect/keyword-index.js';
import { LineMap } from '../../src/detect/location.js';
import { DEFAULT_ENTROPY } from '../../src/config/types.js';
import { languageOf } from '../../src/util/file-type.js';
import { entropyString } from '../helpers/secrets.js';

/**
 * The generic detector finds its lines from where the keyword pass saw its words end, instead of
 * a second regex pass: it must read exactly the lines the regex pass reads, `pw` followed by a
 * letter (which the prefilter turns down) and keywords on adjacent lines included.
 */
const WORDS = GENERIC_PREFILTER.source.split('|').map((a) => a.replace(/\(\?!\[a-z\]\)$/, ''));
const index = new KeywordIndex([{ keywords: WORDS, value: 'generic' }, { keywords: ['ghp_', 'http'], value: 'rule' }], 'generic');

function both(file: string, text: string): { regex: string[]; ends: string[] } {
  const positions: number[] = [];
  index.lookup(text, positions);
  const map = new LineMap(text, 1);
  const regex: string[] = [];
  const ends: string[] = [];
  genericHits(text, map, languageOf(file), file, DEFAULT_ENTROPY, undefined, (h, i) => regex.push(`${i}:${h.ruleId}:${h.value}`));
  genericHits(text, map, languageOf(file), file, DEFAULT_ENTROPY, positions, (h, i) => ends.push(`${i}:${h.ruleId}:${h.value}`));
  return { regex, ends };
}

describe('generic lines from keyword positions', () => {
  it('reads the same lines as the regex pass on random mixes of keyword lines', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = () => [
      `password = "${entropyString(14)}"`,
      `token: ${entropyString(24)}`,
      `PWD=${entropyString(12)}`,
      'pwa',
      'PW=',
      'db_pw: ',
      entropyString(16),
      '\n',
      '\r\n',
      ' ',
      'key',
      'login(',
      'secret=',
      '  - name: API_TOKEN\n    value: ',
    ];
    let hits = 0;
    for (let n = 0; n < 3000; n++) {
      const bits = pieces();
      const text = Array.from({ length: 1 + Math.floor(random() * 24) }, () => bits[Math.floor(random() * bits.length)]).join('');
      const file = ['app.js', 'values.yml', 'settings.py', '.env'][n % 4]!;
      const { regex, ends } = both(file, text);
      expect(ends, JSON.stringify(text)).toEqual(regex);
      hits += regex.length;
    }
    // the mixes do reach the detector's hits, so the comparison is not of empty lists
    expect(hits).toBeGreaterThan(500);
  });

  it('reads the line after a keyword line, and not a line whose only keyword is pw before a letter', () => {
    const value = entropyString(20);
    // a Kubernetes env list: the value's line has no keyword, the name's line before it has
    const envList = both('deploy.yml', `env:\n  - name: DB_PASSWORD\n    value: ${value}\n`);
    expect(envList.ends).toEqual([`2:generic-password:${value}`]);
    expect(envList.regex).toEqual(envList.ends);
    const pwa = both('app.js', `const pwa = "${value}";\n`);
    expect(pwa.ends).toEqual([]);
    expect(pwa.regex).toEqual([]);
    expect(both('app.js', `const pw = "${value}";\n`).ends).toEqual([`0:generic-password:${value}`]);
  });
});
