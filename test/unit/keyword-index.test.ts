import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/detect/keyword-index.js';

describe('keyword prefilter', () => {
  it('finds overlapping keywords, so a short one never hides a longer one', () => {
    const index = new KeywordIndex([
      { keywords: ['mt'], value: 'discord' },
      { keywords: ['t3blbkfj'], value: 'openai' },
      { keywords: ['sk-'], value: 'short' },
      { keywords: ['sk-ant-'], value: 'anthropic' },
    ]);
    expect([...index.lookup('xokmt3blbkfjx')].sort()).toEqual(['discord', 'openai']);
    expect([...index.lookup('key=sk-ant-abc')].sort()).toEqual(['anthropic', 'short']);
    expect([...index.lookup('nothing here')]).toEqual([]);
  });

  it('maps one keyword to every rule that owns it and ignores non-ASCII text', () => {
    const index = new KeywordIndex([
      { keywords: ['ghp_'], value: 'a' },
      { keywords: ['ghp_', 'gho_'], value: 'b' },
    ]);
    expect([...index.lookup('ünïcode ghp_x')].sort()).toEqual(['a', 'b']);
    expect([...index.lookup('gho_')]).toEqual(['b']);
  });
});

describe('keyword prefilter case folding', () => {
  it('matches keywords whatever the case of the text', () => {
    const index = new KeywordIndex([{ keywords: ['sk_live_'], value: 'stripe' }]);
    expect([...index.lookup('STRIPE=SK_LIVE_abc')]).toEqual(['stripe']);
    expect([...index.lookup('Sk_Live_')]).toEqual(['stripe']);
    expect([...index.lookup('sk-live-')]).toEqual([]);
  });
});

describe('keyword index table', () => {
  it('finds the same keywords while its rows are filled on demand and once the whole table is filled', () => {
    const keywords = ['ghp_', 'key', 'api_key', 'secret', 'sk-ant-', 'xoxb-', 'pat', 'p@ss', 'a.b', 'md', 'nt', 'token'];
    const entries = keywords.map((k) => ({ keywords: [k], value: k }));
    const lazy = new KeywordIndex(entries);
    const full = new KeywordIndex(entries);
    full.lookup('x'.repeat(2 << 20)); // past the fill threshold: the whole table is filled
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'ghpGHP_keyKEYapisecrtSECRTk-anxobtmdNT@.ü ';
    for (let n = 0; n < 400; n++) {
      const text = Array.from({ length: 1 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const expected = keywords.filter((k) => text.toLowerCase().includes(k)).sort();
      expect([...lazy.lookup(text)].sort(), text).toEqual(expected);
      expect([...full.lookup(text)].sort(), text).toEqual(expected);
    }
  });
});

describe('keyword index tracked occurrences', () => {
  it('reports where each of the tracked owner\'s keywords ends, every occurrence, and no other owner\'s', () => {
    const index = new KeywordIndex(
      [
        { keywords: ['key', 'pass'], value: 'generic' },
        { keywords: ['ghp_', 'api_key'], value: 'rule' },
      ],
      'generic',
    );
    const ends: number[] = [];
    const text = 'KEY=1 ghp_x api_key=2\npassword key';
    expect([...index.lookup(text, ends)].sort()).toEqual(['generic', 'rule']);
    // "api_key" holds "key" too: the tracked keyword ends there as well
    expect(ends).toEqual([2, 18, 25, 33]);
    const none: number[] = [];
    expect(index.lookup('ghp_ only', none)).toEqual(['rule']);
    expect(none).toEqual([]);
  });
});
