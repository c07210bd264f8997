import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { rescueHistoryBinaryText } from '../../src/sources/binary-text.js';
import { historySource } from '../../src/sources/history.js';
import type { SourceItem } from '../../src/sources/types.js';
import { fuzzTimeout, params } from './budget.js';

/**
 * The history reader against real git: random histories (adds, edits, deletes, renames with and
 * without edits, odd names and bytes, subjects that look like diff headers) are committed, then
 * read with `--all-commits`' source. Properties: it never throws; every added line it reports is,
 * at that line number, a line of that file in that commit; and per commit it reports as many
 * added lines as `git show --numstat` counts (git is the oracle).
 */
const name = fc.constantFrom('a.txt', 'b c.txt', 'dir/é.txt', 'tab\there', 'q"uote', 'new\nline', '0:x', 'd/b/e', '-dash');
const line = fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('+++ b/x', '--- a/x', '@@ -1 +1 @@', 'diff --git a/x b/x', '\u0000\u0000fake header', '\\ No newline', ''));
const body = fc.array(fc.tuple(line, fc.constantFrom('\n', '\r\n', '')), { maxLength: 8 }).map((ls) => ls.map(([t, e]) => t + e).join(''));
const step = fc.oneof(
  fc.record({ op: fc.constant('write' as const), file: name, text: body }),
  fc.record({ op: fc.constant('delete' as const), file: name }),
  fc.record({ op: fc.constant('rename' as const), file: name, to: name, append: fc.option(body, { nil: undefined }) }),
);
const commitArb = fc.record({ subject: fc.oneof(fc.string({ minLength: 1, maxLength: 20 }), fc.constantFrom('diff --git a/x b/x', '\u00e9t\u00e9', '+++ b/y')), steps: fc.array(step, { minLength: 1, maxLength: 4 }) });
const historyArb = fc.array(commitArb, { minLength: 1, maxLength: 4 });

type Step = { op: 'write' | 'delete' | 'rename'; file: string; text?: string; to?: string; append?: string | undefined };

function apply(repo: TempRepo, steps: readonly Step[]): void {
  for (const s of steps) {
    const tracked = repo.gitRaw(['ls-files', '--error-unmatch', '--', `:(literal)${s.file}`]).status === 0;
    if (s.op === 'write') {
      rmSync(join(repo.dir, s.file), { recursive: true, force: true });
      try {
        repo.write(s.file, s.text ?? '');
      } catch {
        // a parent is a file (d/b/e after d): skip this step
      }
    } else if (s.op === 'delete' && tracked) repo.git('rm', '-qrf', '--', `:(literal)${s.file}`);
    else if (s.op === 'rename' && tracked && s.to && s.to !== s.file && repo.gitRaw(['ls-files', '--error-unmatch', '--', `:(literal)${s.to}`]).status !== 0) {
      if (repo.gitRaw(['mv', '-k', '--', s.file, s.to]).status === 0 && s.append) {
        try {
          repo.write(s.to, `${execFileSync('cat', [join(repo.dir, s.to)], { encoding: 'latin1' })}${s.append}`);
        } catch {
          // not a plain file
        }
      }
    }
  }
}

/** The history reader; `rescued` adds what a scan adds: files git calls binary, read and decoded. */
async function read(root: string, rescued = false): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  const raw = historySource({ root, request: { kind: 'all', allOccurrences: true }, maxFileSize: 1 << 30, notices: [] });
  const source = rescued ? rescueHistoryBinaryText(raw, { root, maxFileSize: 1 << 30 }) : raw;
  for await (const item of source) items.push(item);
  return items;
}

function show(repo: TempRepo, sha: string, file: string): string[] {
  const tree = repo.git('ls-tree', '-z', sha, '--', file).split('\0').find((r) => r.endsWith(`\t${file}`));
  const blob = tree?.split(/\s/)[2];
  if (!blob) return [];
  const bytes = execFileSync('git', ['cat-file', 'blob', blob], { cwd: repo.dir, env: testEnv() });
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}

/** Added lines per commit as git counts them, with the rename detection the reader uses. */
function numstat(repo: TempRepo, sha: string): number {
  const out = repo.git('-c', 'diff.renames=true', 'show', '--numstat', '--format=', '--find-renames', '--no-find-copies', sha);
  return out.split('\n').filter(Boolean).reduce((sum, row) => sum + (Number(row.split('\t')[0]) || 0), 0);
}

describe('history reader fuzzing against real git', () => {
  it(
    'never throws, and reports each commit\'s added lines where git has them',
    async () => {
      await fc.assert(
        fc.asyncProperty(historyArb, async (commits) => {
          const repo = makeRepo();
          try {
            const shas: string[] = [];
            for (const c of commits) {
              apply(repo, c.steps);
              repo.git('add', '-A');
              repo.git('commit', '-q', '--no-verify', '--allow-empty', '--allow-empty-message', '-m', c.subject);
              shas.push(repo.git('rev-parse', 'HEAD').trim());
            }
            const items = await read(repo.dir);
            const perCommit = new Map<string, number>();
            for (const item of items) {
              if (item.type !== 'fragment') continue;
              const sha = item.commit!.sha;
              const lines = show(repo, sha, item.file);
              item.text.split('\n').forEach((l, i) => expect(lines[item.startLine - 1 + i], `${JSON.stringify(item.file)}@${sha.slice(0, 7)}:${item.startLine + i}`).toBe(l));
              perCommit.set(sha, (perCommit.get(sha) ?? 0) + item.text.split('\n').length);
            }
            for (const sha of shas) expect(perCommit.get(sha) ?? 0, `added lines in ${sha.slice(0, 7)}`).toBe(numstat(repo, sha));
          } finally {
            repo.cleanup();
          }
        }),
        params(5, 0.5),
      );
    },
    fuzzTimeout(5, 0.5),
  );

  it(
    'merges: lines a conflict resolution adds are reported at the merge, and every reported line is where git has it',
    async () => {
      const side = fc.record({ base: fc.array(commitArb, { minLength: 1, maxLength: 2 }), ours: commitArb, theirs: commitArb, marks: fc.array(name, { minLength: 1, maxLength: 3 }) });
      await fc.assert(
        fc.asyncProperty(side, async ({ base, ours, theirs, marks }) => {
          const repo = makeRepo();
          try {
            const commit = (c: { subject: string; steps: Step[] }) => {
              apply(repo, c.steps);
              repo.git('add', '-A');
              repo.git('commit', '-q', '--no-verify', '--allow-empty', '--allow-empty-message', '-m', c.subject);
            };
            base.forEach(commit);
            repo.git('checkout', '-q', '-b', 'side');
            commit(theirs);
            repo.git('checkout', '-q', 'main');
            commit(ours);
            repo.gitRaw(['merge', '--no-ff', '--no-commit', '-q', 'side']);
            // resolve: take the working tree as it is (conflict markers included), and add a unique line to some files
            const unique = new Map<string, string>();
            marks.forEach((file, i) => {
              const line = `RESOLVED-${i}-${file.length}`;
              try {
                repo.write(file, `${line}\n`);
                unique.set(file, line);
              } catch {
                // a parent is a file
              }
            });
            repo.git('add', '-A');
            repo.git('commit', '-q', '--no-verify', '--allow-empty', '--allow-empty-message', '-m', 'merge');
            const merge = repo.git('rev-parse', 'HEAD').trim();
            const items = await read(repo.dir, true);
            const atMerge = new Set<string>();
            for (const item of items) {
              if (item.type !== 'fragment') continue;
              const sha = item.commit!.sha;
              const lines = show(repo, sha, item.file);
              item.text.split('\n').forEach((l, i) => {
                expect(lines[item.startLine - 1 + i], `${JSON.stringify(item.file)}@${sha.slice(0, 7)}:${item.startLine + i}`).toBe(l);
                if (sha === merge) atMerge.add(`${item.file}\0${l}`);
              });
            }
            for (const [file, line] of unique) {
              if (!show(repo, merge, file).includes(line)) continue; // a later mark overwrote it
              expect(atMerge.has(`${file}\0${line}`), `${JSON.stringify(file)} resolution line reported at the merge`).toBe(true);
            }
          } finally {
            repo.cleanup();
          }
        }),
        params(4, 0.3),
      );
    },
    fuzzTimeout(4, 0.3),
  );
});
