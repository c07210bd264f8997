import { describe, expect, it } from 'vitest';
import { GENERIC_PREFILTER, detectGenericLine } from '../../src/detect/generic.js';
import { genericHits, keywordEnds } from '../../src/detect/generic-lines.js';
import { KeywordIndex } from '../../src/detect/keyword-index.js';
import { LineMap } from '../../src/detect/location.js';
import { DEFAULT_ENTROPY } from '../../src/config/types.js';
import { languageOf } from '../../src/util/file-type.js';
import { entropyString } from '../helpers/secrets.js';

/**
 * The generic detector finds its lines from where the keyword pass saw its words end, instead of
 * a second regex pass: it must read exactly the lines the rule names (each line holding a
 * GENERIC_PREFILTER match, and the line after it, each once, in order), `pw` followed by a
 * letter (which the prefilter turns down) and keywords on adjacent lines included. The same
 * holds for the ends found by regex, used when the words are not in the keyword pass.
 */
const WORDS = GENERIC_PREFILTER.source.split('|').map((a) => a.replace(/\(\?!\[a-z\]\)$/, ''));
const index = new KeywordIndex([{ keywords: WORDS, value: 'generic' }, { keywords: ['ghp_', 'http'], value: 'rule' }], 'generic');

/** The hits by the rule itself: every line is tested on its own, no positions involved. */
function byRule(file: string, text: string): string[] {
  // a line's text as the detector reads it: without its line break, CR included
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const read = new Set<number>();
  lines.forEach((line, i) => {
    if (!GENERIC_PREFILTER.test(line)) return;
    read.add(i);
    if (i + 1 < lines.length) read.add(i + 1);
  });
  const out: string[] = [];
  for (const i of [...read].sort((a, b) => a - b)) {
    for (const h of detectGenericLine(lines[i]!, languageOf(file), file, DEFAULT_ENTROPY, lines[i - 1])) out.push(`${i}:${h.ruleId}:${h.value}`);
  }
  return out;
}

function both(file: string, text: string): { rule: string[]; ends: string[]; regex: string[] } {
  const positions: number[] = [];
  index.lookup(text, positions);
  const map = new LineMap(text, 1);
  const hits = (ends: readonly number[]) => {
    const out: string[] = [];
    genericHits(ends, map, languageOf(file), file, DEFAULT_ENTROPY, (h, i) => out.push(`${i}:${h.ruleId}:${h.value}`));
    return out;
  };
  return { rule: byRule(file, text), ends: hits(positions), regex: hits(keywordEnds(text)) };
}

describe('generic lines from keyword positions', () => {
  it('reads the lines the rule names on random mixes of keyword lines, from either kind of ends', () => {
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
      const { rule, ends, regex } = both(file, text);
      expect(ends, JSON.stringify(text)).toEqual(rule);
      expect(regex, JSON.stringify(text)).toEqual(rule);
      hits += rule.length;
    }
    // the mixes do reach the detector's hits, so the comparison is not of empty lists
    expect(hits).toBeGreaterThan(500);
  });

  it('reads the line after a keyword line, and not a line whose only keyword is pw before a letter', () => {
    const value = entropyString(20);
    // a Kubernetes env list: the value's line has no keyword, the name's line before it has
    const envList = both('deploy.yml', `env:\n  - name: DB_PASSWORD\n    value: ${value}\n`);
    expect(envList.ends).toEqual([`2:generic-password:${value}`]);
    expect(envList.rule).toEqual(envList.ends);
    expect(envList.regex).toEqual(envList.ends);
    const pwa = both('app.js', `const pwa = "${value}";\n`);
    expect(pwa.ends).toEqual([]);
    expect(pwa.rule).toEqual([]);
    expect(pwa.regex).toEqual([]);
    expect(both('app.js', `const pw = "${value}";\n`).ends).toEqual([`0:generic-password:${value}`]);
  });
});
