import { availableParallelism } from 'node:os';
import { DIFF_FLAGS, runGit, gitFailure } from './git.js';
import { COMMIT_FORMAT, LogItems } from './history/log-items.js';
import { orderedLog } from './history/ordered-logs.js';
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

/** Commits per git process: enough batches to keep every process busy, few enough to amortise each spawn. */
function batchSizeFor(commits: number, jobs: number): number {
  if (jobs <= 1) return commits;
  return Math.min(2000, Math.max(100, Math.ceil(commits / (jobs * 8))));
}

/**
 * git processes at once. One by default: git then fills one core and parsing and detection the
 * other. Measured on 2 cores (bench/history.mjs), a second git process costs more CPU than it
 * saves (each process inflates the same delta chains with a cold cache), so it only pays with
 * cores to spare. LEAKGUARD_JOBS or request.jobs override it.
 */
function jobsFor(request: HistoryRequest): number {
  const env = Number(process.env.LEAKGUARD_JOBS);
  if (request.jobs && request.jobs > 0) return request.jobs;
  if (Number.isInteger(env) && env > 0) return env;
  return availableParallelism() >= 6 ? 2 : 1;
}

/**
 * The history source: the lines each commit added, newest commit first, each commit's items
 * together (the scan puts them back oldest first, scan/commit-order.ts, so that its first-seen
 * de-duplication reports a secret at the commit that introduced it).
 *
 * - Merges are shown as dense combined diffs: a line a conflict resolution adds (added relative
 *   to every parent) is scanned; lines a parent brought in were scanned at their own commit.
 * - The commit list is split into batches that several `git log --stdin` processes generate at
 *   once; their outputs are parsed strictly in list order, so the order (and so attribution) is
 *   the same for any number of processes. Git's patch generation overlaps with parsing and
 *   detection in this process.
 * - Streams with bounded read-ahead: memory stays flat as history grows.
 */
export function historySource(options: HistoryOptions): Source {
  return flatten(historyBatches(options));
}

/** The history source's items, a batch per chunk of git output (what the scan reads: no promise per item). */
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
  const items = new LogItems(options.maxFileSize, () => {
    done++;
    onProgress?.({ commitsDone: done, commitsTotal: total, startedAt });
  });
  // git's output is cut where a chunk ends, possibly inside a line or a UTF-8 sequence: each
  // chunk is decoded up to its last line break (no sequence holds a '\n' byte), and the bytes
  // after it wait, in pieces, for the next break, so a long line (a minified file) is not
  // re-scanned or re-copied with every chunk. Lossy UTF-8, as TextDecoder's.
  const pending: Buffer[] = [];
  for await (const chunks of orderedLog({ cwd: options.root, args, shas, lineLength, jobs, batchSize: batchSizeFor(total, jobs) })) {
    for (const chunk of chunks) {
      const nl = chunk.lastIndexOf(10);
      if (nl === -1) {
        pending.push(chunk);
        continue;
      }
      let from = 0;
      if (pending.length) {
        // the line the waiting bytes begin ends at this chunk's first break
        from = chunk.indexOf(10) + 1;
        pending.push(chunk.subarray(0, from));
        items.feed(Buffer.concat(pending).toString('utf8'));
        pending.length = 0;
      }
      if (nl + 1 < chunk.length) pending.push(chunk.subarray(nl + 1));
      if (from <= nl) items.feed(chunk.toString('utf8', from, nl + 1));
    }
    const batch = items.take();
    if (batch.length) yield batch;
  }
  const last = Buffer.concat(pending).toString('utf8');
  if (last) items.line(last);
  items.end();
  yield items.take();
}
