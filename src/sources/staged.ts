import { DIFF_FLAGS } from './git.js';
import { gitLines } from './git-lines.js';
import { rescueBinaryText } from './binary-text.js';
import { diffToItems } from './diff-source.js';
import type { Source } from './types.js';

export interface StagedOptions {
  root: string;
  /** Restrict to these repo-relative paths (lint-staged passes them). */
  paths: readonly string[];
  maxFileSize: number;
}

/** The staged source's git command (after SAFE_CONFIG), for these paths or the whole index. */
export function stagedDiffArgs(paths: readonly string[]): string[] {
  const args = ['diff', '--cached', ...DIFF_FLAGS, '--find-renames', '--no-find-copies', '--diff-filter=ACMRT', '--ignore-submodules=none'];
  if (paths.length) args.push('--', ...paths.map((p) => `:(literal)${p}`));
  return args;
}

/**
 * The staged source: the added lines of the index against HEAD (git uses the empty tree when
 * there is no commit yet). Honours GIT_INDEX_FILE, so partial commits made by `git commit FILE`
 * are scanned as committed. Deleted files are left out; renames show only their changes.
 */
export function stagedSource(options: StagedOptions): Source {
  const args = stagedDiffArgs(options.paths);
  // files git calls binary are read from the index: attributes or UTF-16 must not hide text
  return rescueBinaryText(diffToItems(gitLines(args, options.root), { maxFileSize: options.maxFileSize }), options);
}
