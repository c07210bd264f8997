/** A commit that history scans attribute findings to. */
export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
  subject: string;
  /** In a history scan, the commit's place in the scanned list, oldest first (parents before children). */
  position?: number;
}

/**
 * A run of text to scan: the added lines of one hunk, or a whole file. `startLine` is the
 * 1-based line number of the first line of `text` in the new version of the file.
 */
export interface Fragment {
  type: 'fragment';
  file: string;
  startLine: number;
  text: string;
  commit?: CommitInfo;
}

/** Something a source could not or would not scan; the scan reports each one. */
export interface Skip {
  type: 'skip';
  file: string;
  reason: SkipReason;
  /** Extra detail for the message (a size, an error text). */
  detail?: string;
  commit?: CommitInfo;
}

/**
 * binary, submodule, symlink, deleted: nothing to scan (said in --verbose).
 * too-large: skipped by the size limit (a warning; --max-file-size raises it).
 * unreadable: a failure (the scan cannot be called clean; exit 2).
 */
export type SkipReason = 'binary' | 'submodule' | 'symlink' | 'too-large' | 'unreadable' | 'ignored' | 'lockfile';

/** A file the source saw being added or changed, for checks on the file itself (.gitignore rules). */
export interface FileSeen {
  type: 'file';
  file: string;
  commit?: CommitInfo;
}

export type SourceItem = Fragment | Skip | FileSeen;
export type Source = AsyncIterable<SourceItem>;

/** Which source a scan reads: the staged diff, files on disk, or commits. */
export type ScanMode = 'staged' | 'files' | 'history';

export interface HistoryRequest {
  /** all: every commit from every ref; range: a rev range; pre-push: git's pre-push stdin; unpushed: `range` minus every remote-tracking ref. */
  kind: 'all' | 'range' | 'pre-push' | 'unpushed';
  range?: string;
  prePushInput?: string;
  allOccurrences: boolean;
  jobs?: number;
}

/** How far a history scan is, reported while it runs. */
export interface Progress {
  commitsDone: number;
  commitsTotal: number | undefined;
  startedAt: number;
}

/** What a source tells the user besides its items (the CLI's messages module words it). */
export type SourceNotice = { code: 'no-commits-in-range'; range: string };

/** Where a source puts its notices: the scan's list (which also takes other stages' notices). */
export interface NoticeSink {
  push(notice: SourceNotice): unknown;
}

/** A position a source can read the previous line for (a candidate, structurally). */
export interface LineRef {
  file: string;
  line: number;
  kind: string;
  commit?: CommitInfo | undefined;
  previousLineText: string | undefined;
}
