/** A commit that history scans attribute findings to. */
export interface CommitInfo {
  sha: string;
  author: string;
  email: string;
  date: string;
  subject: string;
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
