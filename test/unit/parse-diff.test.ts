import { describe, expect, it } from 'vitest';
import { DiffParser, pathFromDiffGit, unquotePath, type DiffEvent } from '../../src/sources/parse-diff.js';

/** The diff parser on hand-written `git diff -U0` / combined-diff text: one case per edge. */
function parse(diff: string): DiffEvent[] {
  const events: DiffEvent[] = [];
  const parser = new DiffParser((e) => events.push(e));
  for (const line of diff.split('\n')) parser.line(line);
  parser.flush();
  return events;
}
const hunks = (diff: string) => parse(diff).flatMap((e) => (e.type === 'hunk' ? [`${e.path}:${e.startLine}:${e.lines.join('|')}`] : []));
const files = (diff: string) => parse(diff).flatMap((e) => (e.type === 'file' ? [{ path: e.path, skip: e.skip, deleted: e.deleted }] : []));

describe('parse-diff', () => {
  it('keeps only added lines, numbered in the new file, split at gaps', () => {
    const diff = [
      'diff --git a/a.js b/a.js',
      'index 1111111..2222222 100644',
      '--- a/a.js',
      '+++ b/a.js',
      '@@ -1 +1,2 @@',
      '-old',
      '+new1',
      '+new2',
      '@@ -10,0 +11 @@ ctx',
      '+eleven',
      '@@ -20,2 +20,0 @@',
      '-gone',
      '-gone too',
    ].join('\n');
    expect(hunks(diff)).toEqual(['a.js:1:new1|new2', 'a.js:11:eleven']);
  });

  it('reads a new file and a deleted file', () => {
    const diff = [
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1,2 @@',
      '+one',
      '+two',
      'diff --git a/old.txt b/old.txt',
      'deleted file mode 100644',
      'index 1111111..0000000',
      '--- a/old.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-one',
    ].join('\n');
    expect(hunks(diff)).toEqual(['new.txt:1:one|two']);
    expect(files(diff)).toEqual([
      { path: 'new.txt', skip: undefined, deleted: false },
      { path: 'old.txt', skip: undefined, deleted: true },
    ]);
  });

  it('unquotes C-quoted paths with octal UTF-8, tabs, quotes and backslashes', () => {
    expect(unquotePath('"a/caf\\303\\251 \\"x\\"\\tb\\\\c"')).toBe('a/café "x"\tb\\c');
    expect(unquotePath('plain/path')).toBe('plain/path');
    const diff = ['diff --git "a/dir/\\303\\251 \\"q\\".js" "b/dir/\\303\\251 \\"q\\".js"', '--- "a/dir/\\303\\251 \\"q\\".js"', '+++ "b/dir/\\303\\251 \\"q\\".js"', '@@ -0,0 +1 @@', '+x'].join('\n');
    expect(hunks(diff)).toEqual(['dir/é "q".js:1:x']);
  });

  it('takes unquoted paths with spaces and non-ASCII characters as they are (core.quotepath=off)', () => {
    const diff = ['diff --git a/dir with space/é.js b/dir with space/é.js', '--- a/dir with space/é.js', '+++ b/dir with space/é.js', '@@ -0,0 +1 @@', '+x'].join('\n');
    expect(hunks(diff)).toEqual(['dir with space/é.js:1:x']);
    expect(pathFromDiffGit('a/x y.txt b/x y.txt')).toBe('x y.txt');
  });

  it('uses the new name of a rename, with or without edits', () => {
    const pure = ['diff --git a/old.js b/new.js', 'similarity index 100%', 'rename from old.js', 'rename to new.js'].join('\n');
    expect(files(pure)).toEqual([{ path: 'new.js', skip: undefined, deleted: false }]); // seen, under its new name
    expect(hunks(pure)).toEqual([]);
    const edited = ['diff --git a/old.js b/new dir/new.js', 'similarity index 90%', 'rename from old.js', 'rename to new dir/new.js', 'index 1111111..2222222 100644', '--- a/old.js', '+++ b/new dir/new.js', '@@ -3 +3 @@', '-a', '+b'].join('\n');
    expect(hunks(edited)).toEqual(['new dir/new.js:3:b']);
  });

  it('reports binary files, submodules and symlinks as skips with no hunks', () => {
    const diff = [
      'diff --git a/img.png b/img.png',
      'new file mode 100644',
      'index 0000000..1111111',
      'Binary files /dev/null and b/img.png differ',
      'diff --git a/vendor/lib b/vendor/lib',
      'new file mode 160000',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/vendor/lib',
      '@@ -0,0 +1 @@',
      '+Subproject commit 1111111111111111111111111111111111111111',
      'diff --git a/link b/link',
      'new file mode 120000',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/link',
      '@@ -0,0 +1 @@',
      '+target/path',
      '\\ No newline at end of file',
    ].join('\n');
    expect(hunks(diff)).toEqual([]);
    expect(files(diff).map((f) => `${f.path}:${String(f.skip)}`)).toEqual(['img.png:binary', 'vendor/lib:submodule', 'link:symlink']);
  });

  it('ignores "\\ No newline at end of file" and strips a CR of CRLF lines', () => {
    const diff = ['diff --git a/w.txt b/w.txt', '--- a/w.txt', '+++ b/w.txt', '@@ -1 +1,2 @@', '-old', '\\ No newline at end of file', '+one\r', '+two', '\\ No newline at end of file'].join('\n');
    expect(hunks(diff)).toEqual(['w.txt:1:one|two']);
  });

  it('keeps added lines that look like headers (+++ or @@ inside a hunk)', () => {
    const diff = ['diff --git a/d.md b/d.md', '--- a/d.md', '+++ b/d.md', '@@ -0,0 +1,2 @@', '+++ not a header', '+@@ nor this'].join('\n');
    expect(hunks(diff)).toEqual(['d.md:1:++ not a header|@@ nor this']);
  });

  it('in a combined diff of a merge, keeps only lines added relative to every parent', () => {
    const diff = [
      'diff --cc settings.py',
      'index 1111111,2222222..3333333',
      '--- a/settings.py',
      '+++ b/settings.py',
      '@@@ -1,1 -1,1 +1,3 @@@',
      '- MODE = "main"',
      ' -MODE = "feature"',
      '++MODE = "merged"',
      '++TOKEN = "resolution"',
      '+ from_feature = 1',
    ].join('\n');
    expect(hunks(diff)).toEqual(['settings.py:1:MODE = "merged"|TOKEN = "resolution"']);
    // a line from one parent between resolution lines breaks the run and keeps numbering right
    const split = ['diff --cc s.py', '--- a/s.py', '+++ b/s.py', '@@@ -1,0 -1,0 +1,3 @@@', '++a', ' +from_one_parent', '++c'].join('\n');
    expect(hunks(split)).toEqual(['s.py:1:a', 's.py:3:c']);
  });

  it('reads an octopus merge (three parents) combined diff', () => {
    const diff = ['diff --cc o.txt', '--- a/o.txt', '+++ b/o.txt', '@@@@ -1,0 -1,0 -1,0 +1,2 @@@@', '+++all three', '++ two only'].join('\n');
    expect(hunks(diff)).toEqual(['o.txt:1:all three']);
  });

  it('starts a new file at each diff header, in git log output with commit headers between', () => {
    const diff = [
      'diff --git a/a b/a',
      '--- a/a',
      '+++ b/a',
      '@@ -0,0 +1 @@',
      '+in a',
      '',
      'commit-like line',
      'diff --git a/b b/b',
      '--- a/b',
      '+++ b/b',
      '@@ -0,0 +1 @@',
      '+in b',
    ].join('\n');
    expect(hunks(diff)).toEqual(['a:1:in a', 'b:1:in b']);
  });
});
