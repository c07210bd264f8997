import { availableParallelism } from 'node:os';
import { DIFF_FLAGS, runGit, gitFailure } from './git.js';
import { COMMIT_FORMAT } from './history/log-items.js';
import { parallelLog } from './history/parallel-logs.js';
import { SliceReader } from './history/slice-reader.js';
import { revSets } from './history/rev-sets.js';
import { flatten } from './history/flatten.js';
import type { HistoryRequest, NoticeSink, Progress, Source, SourceItem } from './types.js';

export interface HistoryOptions {
  root: string;
  request: HistoryRequest;
  maxFileSize: number;
  notices: NoticeSink;
  onProgress?: ((p: Progress) => void) | undefined;
}

/**
 * The commits to scan, newest first, as fixed-length "<sha>\n" lines: the reverse of
 * `rev-list --reverse --topo-order` (every parent before its children). git reads a pack's delta
 * chains, stored newest first, much more cheaply in that order (measured on eslint: about a fifth
 * of git's CPU). Several pre-push sets are concatenated, oldest first, without repeats, then
 * reversed. Held as one Buffer: 41 bytes a commit, 41 MB for a million commits.
 */
async function commitList(root: string, sets: readonly string[][]): Promise<{ shas: Buffer; lineLength: number }> {
  const lists: string[] = [];
  for (const revs of sets) {
    const args = ['rev-list', '--reverse', '--topo-order', ...revs, '--'];
    const result = await runGit(args, root);
    if (result.code !== 0) {
      // a repository without commits has nothing to scan
      if (/does not have any commits|unknown revision|bad revision 'HEAD'/.test(result.stderr) && sets.length === 1 && revs[0] === '--all') break;
      throw gitFailure(args, result.stderr);
    }
    lists.push(result.stdout);
  }
  let text = lists.join('');
  if (lists.length > 1) {
    const seen = new Set<string>();
    text = text.split('\n').filter((sha) => sha && !seen.has(sha) && seen.add(sha)).map((sha) => `${sha}\n`).join('');
  }
  const lineLength = text.indexOf('\n') + 1;
  const oldestFirst = Buffer.from(text, 'latin1');
  const shas = Buffer.allocUnsafe(oldestFirst.length);
  for (let at = 0; at < shas.length; at += lineLength) oldestFirst.copy(shas, shas.length - at - lineLength, at, at + lineLength);
  return { shas, lineLength };
}

/**
 * Commits per git process. Each process starts with a cold cache of the pack's delta bases and
 * costs system time to map the pack, so slices are large: two per process (measured on eslint's
 * 11.6k commits with 2 processes: 12 slices cost git 6.6 s of CPU, 4 slices 5.7 s), enough that a
 * slice ending early leaves little for one process to finish alone.
 */
function sliceSizeFor(commits: number, jobs: number): number {
  if (jobs <= 1) return commits;
  return Math.max(500, Math.ceil(commits / (jobs * 2)));
}

/**
 * git processes at once: two wherever there are two cores. Each is read as its output comes, so
 * neither waits for the other, and git's patch generation is the larger half of a history
 * scan's CPU (measured on eslint, 2 cores: git 5.7 s, leakguard 4.1 s). A third process only
 * helps where detection has a core of its own. LEAKGUARD_JOBS or request.jobs override it.
 */
function jobsFor(request: HistoryRequest): number {
  const env = Number(process.env.LEAKGUARD_JOBS);
  if (request.jobs && request.jobs > 0) return request.jobs;
  if (Number.isInteger(env) && env > 0) return env;
  return Math.min(2, availableParallelism());
}

/**
 * The history source: the lines each commit added, each commit's items together, commits in no
 * set order (each carries its position in the list, oldest first: the scan puts its results in
 * that order, scan/commit-order.ts, so that its first-seen de-duplication reports a secret at the
 * commit that introduced it).
 *
 * - Merges are shown as dense combined diffs: a line a conflict resolution adds (added relative
 *   to every parent) is scanned; lines a parent brought in were scanned at their own commit.
 * - The commit list is split into slices that several `git log --stdin` processes generate at
 *   once, each read as its output comes; git's patch generation overlaps with parsing and
 *   detection in this process.
 * - Streams with bounded read-ahead: memory stays flat as history grows.
 */
export function historySource(options: HistoryOptions): Source {
  return flatten(historyBatches(options));
}

/** The history source's items, a batch per run of git output (what the scan reads: no promise per item). */
export async function* historyBatches(options: HistoryOptions): AsyncGenerator<SourceItem[], void> {
  const sets = await revSets(options.root, options.request, options.notices);
  const { shas, lineLength } = await commitList(options.root, sets);
  const total = shas.length ? shas.length / lineLength : 0;
  if (total === 0) return;
  const jobs = jobsFor(options.request);
  const args = ['log', '--stdin', '--no-walk=unsorted', '-p', ...DIFF_FLAGS, '--diff-merges=dense-combined', '--find-renames', '--no-find-copies', COMMIT_FORMAT];
  const startedAt = performance.now();
  let done = 0;
  const onProgress = options.onProgress;
  const onCommit = (): void => {
    done++;
    onProgress?.({ commitsDone: done, commitsTotal: total, startedAt });
  };
  // the list is newest first, and a slice's commits come in its order (checked: a commit git
  // printed out of that order is looked up; one not in the list at all goes after the rest)
  const positionOf = (first: number) => (sha: string, nth: number): number => {
    const index = first + nth;
    if (shas.toString('latin1', index * lineLength, (index + 1) * lineLength - 1) === sha) return total - 1 - index;
    const at = shas.indexOf(`${sha}\n`, 0, 'latin1');
    return at < 0 ? total : total - 1 - at / lineLength;
  };
  const readers = new Map<number, SliceReader>();
  for await (const run of parallelLog({ cwd: options.root, args, shas, lineLength, jobs, sliceSize: sliceSizeFor(total, jobs) })) {
    let reader = readers.get(run.slice);
    if (!reader) readers.set(run.slice, (reader = new SliceReader(options.maxFileSize, onCommit, positionOf(run.slice))));
    const items = run.done ? reader.end() : reader.read(run.chunks);
    if (run.done) readers.delete(run.slice);
    if (items.length) yield items;
  }
}
