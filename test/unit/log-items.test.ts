import { describe, expect, it } from 'vitest';
import { LogItems } from '../../src/sources/history/log-items.js';
import type { SourceItem } from '../../src/sources/types.js';

/**
 * LogItems reads a file's later hunk headers in place (HunkReader.nextHunk) instead of through
 * the DiffParser: the line numbers it gives must be the ones git's headers say, with or without
 * a function-context heading, and a header it cannot read that way (a merge's @@@) must still
 * reach the parser.
 */
const header = (sha: string) => `\u0000\u0000${sha}\u0000Test Author\u0000author@example.test\u00002024-01-01T00:00:00Z\u0000subject`;

function read(lines: string[]): SourceItem[] {
  const items = new LogItems(1 << 20, () => undefined, (_sha, nth) => nth);
  items.feed(`${lines.join('\n')}\n`);
  items.end();
  return items.take();
}

/** A file's diff headers, as git writes them before its first hunk. */
const fileHeader = (path: string, index = 'index 1111111..2222222 100644') => [`diff --git a/${path} b/${path}`, index, `--- a/${path}`, `+++ b/${path}`];

const fragments = (items: SourceItem[]) => items.flatMap((i) => (i.type === 'fragment' ? [`${i.file}:${i.startLine}:${i.text.replace(/\n/g, '|')}`] : []));

describe('LogItems hunk headers', () => {
  it('gives each of a file\'s hunks the start line its header names', () => {
    const items = read([
      header('a'.repeat(40)),
      ...fileHeader('x.js'),
      '@@ -1,0 +2,2 @@',
      '+two',
      '+three',
      '@@ -10,2 +12 @@ function context() {',
      '-gone',
      '-gone too',
      '+twelve',
      '@@ -20 +20,0 @@',
      '-removed only',
      '@@ -30,0 +31 @@',
      '+thirty-one',
      '@@ -40 +1234567 @@',
      '+far',
    ]);
    expect(fragments(items)).toEqual(['x.js:2:two|three', 'x.js:12:twelve', 'x.js:31:thirty-one', 'x.js:1234567:far']);
    expect(items.find((i) => i.type === 'fragment')?.commit).toMatchObject({ sha: 'a'.repeat(40), position: 0 });
  });

  it('leaves a merge\'s combined headers and malformed ones to the parser', () => {
    const items = read([
      header('b'.repeat(40)),
      'diff --cc m.txt',
      ...fileHeader('m.txt', 'index 1111111,2222222..3333333').slice(1),
      '@@@ -1,1 -1,1 +1,2 @@@',
      '++resolved',
      '+ from one parent',
      '@@@ -5,0 -5,0 +7,1 @@@',
      '++seven',
      ...fileHeader('y.txt'),
      '@@ -1 +1 @@',
      '+one',
      '@@ -3 +x @@',
      '+not a header line',
    ]);
    // (git writes no malformed header; the parser, as before, reads one as a hunk from line 1)
    expect(fragments(items)).toEqual(['m.txt:1:resolved', 'm.txt:7:seven', 'y.txt:1:one', 'y.txt:1:not a header line']);
  });
});
