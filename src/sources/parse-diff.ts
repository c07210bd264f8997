import { ownString } from '../util/own-string.js';
import { pathFromDiffGit, stripPrefix, unquotePath } from './diff-path.js';
import { hunkHeader, onlyLineMarks } from './hunk-header.js';

export { pathFromDiffGit, unquotePath } from './diff-path.js';

/**
 * A streaming parser for `git diff -U0` / `git log -p -U0` output (also combined diffs of merges).
 * It turns lines into added-line hunks, and reports binary files, submodules and symlinks.
 * Pure: it never runs git.
 */

export interface DiffFileEvent {
  type: 'file';
  path: string;
  /** binary, submodule or symlink files have no text hunks. */
  skip?: 'binary' | 'submodule' | 'symlink';
  deleted: boolean;
}

export interface DiffHunkEvent {
  type: 'hunk';
  path: string;
  startLine: number;
  lines: string[];
}

export type DiffEvent = DiffFileEvent | DiffHunkEvent;

/**
 * Parse lines of diff output. `onLine` returns events as they complete; call `flush()` at the end
 * (or before a new commit header) to close the last hunk.
 */
export class DiffParser {
  private path: string | undefined;
  private pendingPath: string | undefined;
  private mode: 'header' | 'hunk' = 'header';
  private skip: DiffFileEvent['skip'];
  private deleted = false;
  private announced = false;
  private hunkStart = 0;
  private nextLine = 0;
  private hunkLines: string[] = [];
  private hunkLineStart = 0;
  /** Number of parents in a combined diff hunk (@@@ = 2). */
  private parents = 1;
  private readonly emit: (event: DiffEvent) => void;

  constructor(emit: (event: DiffEvent) => void) {
    this.emit = emit;
  }

  /** The last hunk header's parent count (2 for @@@) and first line in the new version. */
  get hunkParents(): number {
    return this.parents;
  }

  get hunkStartLine(): number {
    return this.hunkStart;
  }

  line(raw: string): void {
    if (raw.startsWith('diff --git ') || raw.startsWith('diff --cc ') || raw.startsWith('diff --combined ')) {
      this.closeFile();
      const rest = raw.startsWith('diff --git ') ? raw.slice(11) : raw.slice(raw.indexOf(' ', 5) + 1);
      this.pendingPath = raw.startsWith('diff --git ') ? pathFromDiffGit(rest) : unquotePath(rest);
      this.mode = 'header';
      return;
    }
    if (this.mode === 'header') {
      this.header(raw);
      return;
    }
    // inside hunks
    if (raw.startsWith('@@')) {
      this.startHunk(raw);
      return;
    }
    const prefix = raw.slice(0, this.parents);
    if (prefix.length === this.parents && onlyLineMarks(prefix)) {
      if (!prefix.includes('-') && !prefix.includes(' ')) {
        // added relative to every parent
        if (this.hunkLines.length === 0) this.hunkLineStart = this.nextLine;
        else if (this.hunkLineStart + this.hunkLines.length !== this.nextLine) {
          this.flushHunk();
          this.hunkLineStart = this.nextLine;
        }
        this.hunkLines.push(stripCr(raw.slice(this.parents)));
        this.nextLine++;
      } else if (!prefix.includes('-')) {
        // context, or added relative to only some parents: present in the result, already in a parent
        this.flushHunk();
        this.nextLine++;
      }
      return;
    }
    if (raw.startsWith('\\')) return; // "\ No newline at end of file"
    // anything else ends the file's hunks (a new header or commit follows)
    this.closeFile();
    this.mode = 'header';
    this.header(raw);
  }

  private header(raw: string): void {
    if (raw.startsWith('+++ ')) {
      const target = raw.slice(4);
      if (target === '/dev/null') this.deleted = true;
      else this.pendingPath = stripPrefix(target.endsWith('\t') ? target.slice(0, -1) : target, 'b/');
      return;
    }
    if (raw.startsWith('rename to ') || raw.startsWith('copy to ')) {
      this.pendingPath = unquotePath(raw.slice(raw.indexOf(' to ') + 4));
      return;
    }
    if (raw.startsWith('deleted file mode')) {
      this.deleted = true;
      return;
    }
    // a mode is the last word of these lines: most hold neither of the two looked for
    if (raw.includes(' 160000') && (/^(?:new file mode|new mode|index [0-9a-f,.]+) 160000/.test(raw) || /^index [0-9a-f]+\.\.[0-9a-f]+ 160000/.test(raw))) {
      this.skip = 'submodule';
      return;
    }
    if (raw.includes(' 120000') && (/^(?:new file mode|new mode) 120000/.test(raw) || /^index [0-9a-f]+\.\.[0-9a-f]+ 120000/.test(raw))) {
      this.skip = 'symlink';
      return;
    }
    if (raw.startsWith('Binary files ') || raw === 'GIT binary patch') {
      this.skip = 'binary';
      this.announce();
      return;
    }
    if (raw.startsWith('@@')) {
      this.announce();
      this.startHunk(raw);
    }
  }

  private announce(): void {
    if (this.announced || this.pendingPath === undefined) return;
    this.path = ownString(this.pendingPath);
    this.announced = true;
    const event: DiffFileEvent = { type: 'file', path: this.path, deleted: this.deleted };
    if (this.skip) event.skip = this.skip;
    this.emit(event);
  }

  private startHunk(raw: string): void {
    this.flushHunk();
    const at = hunkHeader(raw);
    this.parents = at ? at.parents : 1;
    this.hunkStart = at ? at.start : 1;
    this.nextLine = this.hunkStart;
    this.mode = 'hunk';
  }

  private flushHunk(): void {
    if (this.hunkLines.length && this.path !== undefined && !this.skip && !this.deleted) {
      this.emit({ type: 'hunk', path: this.path, startLine: this.hunkLineStart, lines: this.hunkLines });
    }
    this.hunkLines = [];
  }

  private closeFile(): void {
    this.announce();
    this.flushHunk();
    this.path = undefined;
    this.pendingPath = undefined;
    this.skip = undefined;
    this.deleted = false;
    this.announced = false;
    this.parents = 1;
    this.mode = 'header';
  }

  /** Close the current file (end of input, or a new commit starts). */
  flush(): void {
    this.closeFile();
  }
}

function stripCr(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
