import { describe, expect, it } from 'vitest';
import { RawText } from '../../src/sources/history/raw-text.js';
import { SliceReader } from '../../src/sources/history/slice-reader.js';
import type { SourceItem } from '../../src/sources/types.js';

/**
 * History output is parsed as bytes (one latin1 character each) and only what is kept is decoded
 * as UTF-8: the kept text must be exactly what decoding the whole output would give, whatever the
 * chunking, for non-ASCII paths, authors and lines, and for bytes that are not UTF-8 at all.
 */
describe('RawText', () => {
  const bytes = Buffer.concat([Buffer.from('plain ascii\nnaïve café ✓\n', 'utf8'), Buffer.from([0x62, 0xff, 0x61, 0x0a]), Buffer.from('tail\n')]);
  const raw = RawText.of(bytes);
  const whole = new TextDecoder().decode(bytes);
  const lines = whole.split('\n');

  it('gives each line as UTF-8 decoding of the whole would, in order and out of it', () => {
    const starts: number[] = [];
    for (let i = 0; i < bytes.length; i = bytes.indexOf(10, i) + 1) starts.push(i);
    const cut = (k: number) => raw.slice(starts[k]!, bytes.indexOf(10, starts[k]!));
    expect([0, 1, 2, 3].map(cut)).toEqual(lines.slice(0, 4));
    expect([3, 1, 0, 2].map(cut)).toEqual([3, 1, 0, 2].map((k) => lines[k]));
    expect(cut(2)).toBe('b\ufffda');
  });

  it('reads a plain string as it is', () => {
    expect(new RawText('naïve\n').slice(0, 5)).toBe('naïve');
  });
});

describe('SliceReader on non-ASCII history', () => {
  const sha = 'c'.repeat(40);
  const patch = Buffer.concat([
    Buffer.from(
      [
        `\u0000\u0000${sha}\u0000Zoë Ångström\u0000zoe@example.test\u00002024-01-01T00:00:00Z\u0000fügt hinzu`,
        'diff --git a/docs/résumé ✓.md b/docs/résumé ✓.md',
        'new file mode 100644',
        'index 0000000..1111111',
        '--- /dev/null',
        '+++ b/docs/résumé ✓.md',
        '@@ -0,0 +1,3 @@',
        '+ascii line',
        '+ligne accentuée: 日本語',
        '',
      ].join('\n'),
      'utf8',
    ),
    Buffer.from([0x2b, 0x78, 0xc3, 0x0a]),
  ]);

  function read(chunkSize: number): SourceItem[] {
    const commits: string[] = [];
    const reader = new SliceReader(1 << 20, (c) => commits.push(`${c.author}|${c.subject}`), (_sha, nth) => nth);
    const items: SourceItem[] = [];
    for (let i = 0; i < patch.length; i += chunkSize) items.push(...reader.read([patch.subarray(i, i + chunkSize)]));
    items.push(...reader.end());
    expect(commits).toEqual(['Zoë Ångström|fügt hinzu']);
    return items;
  }

  it('keeps paths, authors and added lines decoded, cut into chunks anywhere', () => {
    const expected = read(patch.length);
    const fragment = expected.find((i) => i.type === 'fragment');
    expect(fragment).toMatchObject({ file: 'docs/résumé ✓.md', startLine: 1, text: 'ascii line\nligne accentuée: 日本語\nx\ufffd' });
    for (const size of [1, 2, 3, 7, 64]) expect(read(size)).toEqual(expected);
  });
});
