import { UsageError } from '../../errors.js';
import { runGit } from '../git.js';
import type { HistoryRequest, NoticeSink } from '../types.js';

const ZERO = /^0+$/;

function checkRev(rev: string): string {
  if (rev.startsWith('-')) throw new UsageError(`"${rev}" is not a revision range (it starts with "-"); pass a range such as origin/main..HEAD.`);
  return rev;
}

/**
 * The rev-list arguments for each part of a history request. A range is one set; pre-push input
 * gives one set per pushed ref: `local ^remote` for an update, `local --not --remotes` for a new
 * branch or a remote tip this clone does not have (a force push), nothing for a deleted ref.
 * Commits already on a remote-tracking ref were pushed before, so every set excludes them.
 */
export async function revSets(root: string, request: HistoryRequest, notices: NoticeSink): Promise<string[][]> {
  if (request.kind === 'all') return [['--all']];
  if (request.kind === 'unpushed') return [[checkRev(request.range ?? 'HEAD'), '--not', '--remotes']];
  if (request.kind === 'range') {
    const range = request.range ?? '';
    const revs = range.split(/\s+/).filter(Boolean).map(checkRev);
    // validate now, so a typo is exit 2 with git's reason rather than an empty, "clean" scan
    const check = await runGit(['rev-list', '--count', ...revs, '--'], root);
    if (check.code !== 0) {
      const said = check.stderr.trim().split('\n').filter(Boolean).pop() ?? 'unknown revision';
      throw new UsageError(`The range "${range}" is not valid here (${said}); check the revisions, and fetch them first in a shallow CI clone (fetch-depth: 0).`);
    }
    if (check.stdout.trim() === '0') notices.push({ code: 'no-commits-in-range', range });
    return [revs];
  }
  const sets: string[][] = [];
  for (const raw of (request.prePushInput ?? '').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    if (parts.length !== 4 || !/^[0-9a-f]{40,64}$/.test(parts[1]!) || !/^[0-9a-f]{40,64}$/.test(parts[3]!)) {
      throw new UsageError(`The pre-push input line "${line}" is not "<local ref> <local sha> <remote ref> <remote sha>"; leakguard --pre-push must be run by git's pre-push hook.`);
    }
    const [, localSha, , remoteSha] = parts as [string, string, string, string];
    if (ZERO.test(localSha)) continue; // a deleted ref pushes no commits
    const known = !ZERO.test(remoteSha) && (await runGit(['cat-file', '-e', `${remoteSha}^{commit}`], root)).code === 0;
    sets.push(known ? [localSha, `^${remoteSha}`, '--not', '--remotes'] : [localSha, '--not', '--remotes']);
  }
  return sets;
}
