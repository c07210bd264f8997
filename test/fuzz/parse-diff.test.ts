import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { diffToItems } from '../../src/sources/diff-source.js';
import { DIFF_FLAGS, SAFE_CONFIG, streamGitLines } from '../../src/sources/git.js';
import type { SourceItem } from '../../src/sources/types.js';
import { fuzzTimeout, params } from './budget.js';

/**
 * The diff reader against real git: random file pairs (random bytes, CR/LF mixes, NUL bytes,
 * lines that look like diff headers, odd names) are committed and changed in a real repository,
 * and the staged diff git prints is read the way the hook reads it. Properties: it never throws,
 * and every line it reports as added is, at that line number, a line of the new file that git
 * counts as added (git's own --numstat is the oracle for the counts).
 */
let repo: TempRepo;
beforeAll(() => {
  repo = makeRepo();
});
afterAll(() => repo.cleanup());

const nameChars = fc.constantFrom('a', 'b', 'Z', '0', ' ', '\t', '\n', '"', '\\', "'", 'é', '日', '-', '+', '@', '#', '~', ':', '*', '?', 'b/', 'a/', ' b/', '\r');
const segment = fc
  .array(nameChars, { minLength: 1, maxLength: 8 })
  .map((cs) => cs.join(''))
  .filter((s) => !s.includes('/') || !/(^|\/)(\.|\.\.|\.git)(\/|$)/.test(s))
  .map((s) => s.replace(/\/+/g, '/').replace(/^\/|\/$/g, '') || 'x')
  .filter((s) => s !== '.' && s !== '..' && !s.startsWith('.git'));
const fileName = fc.tuple(fc.option(fc.constantFrom('d', 'd e', 'dir\té'), { nil: undefined }), segment).map(([dir, base]) => (dir ? `${dir}/${base}` : base));

const lineText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('+++ b/x', '--- a/x', '++ b/evil', '-- a/evil', '@@ -1 +1 @@', 'diff --git a/x b/x', '\\ No newline at end of file', 'Binary files a/x and b/x differ', 'index 0000000..1111111 100644', 'rename to y', 'deleted file mode 100644', ' ', '+', '-', ''),
  fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b).toString('latin1')),
);
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '');
const textContent = fc.array(fc.tuple(lineText, eol), { maxLength: 12 }).map((ls) => Buffer.from(ls.map(([t, e]) => t + e).join(''), 'latin1'));
const rawBytes = fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b));
const content = fc.oneof({ weight: 4, arbitrary: textContent }, { weight: 1, arbitrary: rawBytes });
/** old content (undefined: a new file) and new content (undefined: deleted). */
const pair = fc.tuple(fc.option(content, { nil: undefined }), fc.option(content, { nil: undefined }));
const changeSet = fc.uniqueArray(fc.tuple(fileName, pair), { minLength: 1, maxLength: 6, selector: ([n]) => n.toLowerCase().split('/')[0] });

function git(args: string[], input?: string): string {
  return execFileSync('git', [...SAFE_CONFIG, ...args], { cwd: repo.dir, env: testEnv(), encoding: 'latin1', input, maxBuffer: 64 << 20 });
}

function reset(): void {
  git(['rm', '-rqf', '--cached', '--ignore-unmatch', '.']);
  for (const entry of readdirSync(repo.dir)) if (entry !== '.git') rmSync(join(repo.dir, entry), { recursive: true, force: true });
}

/** numstat -z: added-line counts per new path, '-' for what git calls binary. */
function numstat(base: string): Map<string, number | 'binary'> {
  const out = Buffer.from(git(['diff', '--cached', '--numstat', '-z', '--no-renames', '--diff-filter=ACMRT', base]), 'latin1').toString('utf8');
  const map = new Map<string, number | 'binary'>();
  for (const rec of out.split('\0').filter(Boolean)) {
    const [added, , ...path] = rec.split('\t');
    map.set(path.join('\t'), added === '-' ? 'binary' : Number(added));
  }
  return map;
}

/** The index's blobs by path (`:path` would misread names such as "0:x"). */
function indexBlobs(): Map<string, string> {
  const out = Buffer.from(git(['ls-files', '-s', '-z']), 'latin1').toString('utf8');
  const map = new Map<string, string>();
  for (const rec of out.split('\0').filter(Boolean)) {
    const tab = rec.indexOf('\t');
    map.set(rec.slice(tab + 1), rec.split(' ')[1]!);
  }
  return map;
}

function newLines(blob: string): string[] {
  const bytes = execFileSync('git', ['cat-file', 'blob', blob], { cwd: repo.dir, env: testEnv() });
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

async function readDiff(base: string): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const args = ['diff', '--cached', ...DIFF_FLAGS, '--no-renames', '--diff-filter=ACMRT', base];
  for await (const item of diffToItems(streamGitLines(args, repo.dir), { maxFileSize: 1 << 30 })) items.push(item);
  return items;
}

describe('diff reader fuzzing against real git', () => {
  it(
    'never throws, and reports exactly the lines git counts as added, at their line numbers',
    async () => {
      await fc.assert(
        fc.asyncProperty(changeSet, async (changes) => {
          reset();
          for (const [name, [before]] of changes) if (before) repo.write(name, before);
          git(['add', '-A']);
          const base = git(['write-tree']).trim();
          for (const [name, [before, after]] of changes) {
            if (after) repo.write(name, after);
            else if (before) rmSync(join(repo.dir, name));
          }
          git(['add', '-A']);
          const counts = numstat(base);
          const items = await readDiff(base);
          const blobs = indexBlobs();
          const added = new Map<string, number>();
          for (const item of items) {
            if (item.type !== 'fragment') continue;
            const lines = newLines(blobs.get(item.file) ?? 'missing');
            const got = item.text.split('\n');
            got.forEach((line, i) => expect(lines[item.startLine - 1 + i], `${JSON.stringify(item.file)} line ${item.startLine + i}`).toBe(line));
            added.set(item.file, (added.get(item.file) ?? 0) + got.length);
          }
          for (const [path, count] of counts) {
            if (count === 'binary') {
              expect(items.some((i) => i.type === 'skip' && i.file === path), `${JSON.stringify(path)} reported as binary`).toBe(true);
              expect(added.has(path)).toBe(false);
            } else expect(added.get(path) ?? 0, `added lines of ${JSON.stringify(path)}`).toBe(count);
          }
          for (const path of added.keys()) expect(counts.has(path), `${JSON.stringify(path)} is in git's diff`).toBe(true);
        }),
        params(20, 1),
      );
    },
    fuzzTimeout(20),
  );
});
