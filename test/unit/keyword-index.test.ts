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
