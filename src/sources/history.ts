import type { HistoryRequest, Notice, Progress } from '../scan.js';
import { UsageError } from '../errors.js';
import { DIFF_FLAGS, git, runGit, streamGitLines } from './git.js';
import { diffToItems } from './diff-source.js';
import type { CommitInfo, Source, SourceItem } from './types.js';

export interface HistoryOptions {
  root: string;
  request: HistoryRequest;
  maxFileSize: number;
  notices: Notice[];
  onProgress?: ((p: Progress) => void) | undefined;
}

const ZERO = /^0{40}(?:0{24})?$/;
const MARK = '\u0000\u0000';
/** One header line per commit: marker, sha, committer time, author, email, date, subject. */
const FORMAT = '--format=%x00%x00%H%x00%ct%x00%an%x00%ae%x00%aI%x00%s';

function checkRev(rev: string): string {
  if (rev.startsWith('-')) throw new UsageError(`"${rev}" is not a revision range (it starts with "-"); pass a range such as origin/main..HEAD.`);
  return rev;
}

/** The git rev arguments for each part of the request (pre-push input can name several refs). */
async function revSets(options: HistoryOptions): Promise<string[][]> {
  const { request, root } = options;
  if (request.kind === 'all') return [['--all']];
  if (request.kind === 'range') {
    const range = request.range ?? '';
    const revs = range.split(/\s+/).filter(Boolean).map(checkRev);
    // validate now, so a typo is exit 2 with git's reason rather than an empty, "clean" scan
    const check = await runGit(['rev-list', '--count', ...revs, '--'], root);
    if (check.code !== 0) {
      throw new UsageError(`The range "${range}" is not valid here (${check.stderr.trim().split('\n').pop()}); check the revisions, and fetch them first in a shallow CI clone (fetch-depth: 0).`);
    }
    if (check.stdout.trim() === '0') options.notices.push({ code: 'no-commits-in-range', range });
    return [revs];
  }
  const sets: string[][] = [];
  for (const raw of (request.prePushInput ?? '').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const parts = line.split(/\s+/);
    if (parts.length !== 4) throw new UsageError(`The pre-push input line "${line}" does not have 4 fields; leakguard --pre-push must be run by git's pre-push hook.`);
    const [, localSha, , remoteSha] = parts as [string, string, string, string];
    if (ZERO.test(localSha)) continue; // a deleted ref pushes no commits
    if (!ZERO.test(remoteSha) && (await runGit(['cat-file', '-e', `${remoteSha}^{commit}`], root)).code === 0) {
      sets.push([localSha, `^${remoteSha}`]);
    } else {
      // a new branch (or a remote tip we do not have): what no remote-tracking ref already holds
      sets.push([localSha, '--not', '--remotes']);
    }
  }
  return sets;
}

/**
 * The history source: `git log -p -U0` over the requested commits, oldest first, with merges
 * shown as dense combined diffs so that lines a merge's conflict resolution adds are scanned
 * while lines a parent brought in are not. Streams: memory stays flat as history grows.
 */
export async function* historySource(options: HistoryOptions): Source {
  const sets = await revSets(options);
  const done = new Set<string>();
  const startedAt = performance.now();
  let total: number | undefined;
  if (options.onProgress) {
    let sum = 0;
    for (const revs of sets) sum += Number((await git(['rev-list', '--count', ...revs, '--'], options.root)).trim()) || 0;
    total = sum;
  }
  for (const revs of sets) {
    let commit: CommitInfo | undefined;
    let skipCommit = false;
    const args = ['log', '-p', ...DIFF_FLAGS, '--diff-merges=dense-combined', '--find-renames', '--reverse', '--topo-order', FORMAT, ...revs, '--'];
    const onLine = (line: string, parser: { flush(): void }): boolean => {
      if (!line.startsWith(MARK)) return false;
      parser.flush();
      const [sha = '', , author = '', email = '', date = '', ...subject] = line.slice(2).split('\u0000');
      commit = { sha, author, email, date, subject: subject.join(' ') };
      skipCommit = done.has(sha);
      done.add(sha);
      options.onProgress?.({ commitsDone: done.size, commitsTotal: total, startedAt });
      return true;
    };
    const items: AsyncGenerator<SourceItem> = diffToItems(streamGitLines(args, options.root), { maxFileSize: options.maxFileSize }, onLine, () => commit);
    for await (const item of items) {
      if (!skipCommit) yield item;
    }
  }
}
