import { DiffParser, type DiffEvent } from '../parse-diff.js';
import type { CommitInfo, SourceItem } from '../types.js';
import { ownString } from '../../util/own-string.js';

/** The pretty format of each commit's header line: two NULs, then sha, author, email, date, subject. */
export const COMMIT_FORMAT = '--format=%x00%x00%H%x00%an%x00%ae%x00%aI%x00%s';
const MARK = '\u0000\u0000';

/**
 * Turns the lines of `git log -p` (with COMMIT_FORMAT headers) into source items, synchronously,
 * so that a whole chunk of git output is parsed without an await per line. Items are attributed
 * to the commit whose header came last. Added text beyond `maxFileSize` per file per commit is
 * skipped with a `too-large` item (a warning), never silently. Binary files, symlinks and
 * submodules are dropped: history holds many and none can be scanned as text.
 */
export class LogItems {
  private readonly parser: DiffParser;
  private readonly events: DiffEvent[] = [];
  private readonly sizes = new Map<string, number>();
  private readonly oversized = new Set<string>();
  private commit: CommitInfo | undefined;
  /** The file whose hunks are being read, and the bytes of its added lines so far. */
  private path: string | undefined;
  private fileBytes = 0;
  /** Past maxFileSize: drop lines until the next file or commit, so memory stays bounded. */
  private skipping = false;
  private readonly out: SourceItem[] = [];
  private readonly maxFileSize: number;
  private readonly onCommit: (commit: CommitInfo) => void;

  constructor(maxFileSize: number, onCommit: (commit: CommitInfo) => void) {
    this.maxFileSize = maxFileSize;
    this.onCommit = onCommit;
    this.parser = new DiffParser((e) => this.events.push(e));
  }

  /** Feed one line (without its newline). */
  line(line: string): void {
    if (line.startsWith(MARK)) {
      this.parser.flush();
      this.drain();
      const [sha = '', author = '', email = '', date = '', ...subject] = line.slice(2).split('\u0000');
      this.commit = { sha: ownString(sha), author: ownString(author), email: ownString(email), date: ownString(date), subject: ownString(subject.join(' ')) };
      this.sizes.clear();
      this.oversized.clear();
      this.path = undefined;
      this.fileBytes = 0;
      this.skipping = false;
      this.onCommit(this.commit);
      return;
    }
    if (line.startsWith('diff ')) {
      this.skipping = false;
      this.fileBytes = 0;
    } else if (isAdded(line)) {
      if (this.skipping) return;
      this.fileBytes += line.length;
      if (this.fileBytes > this.maxFileSize && this.path !== undefined && !line.startsWith('+++ ')) {
        this.skipping = true;
        this.tooLarge(this.path);
        return;
      }
    } else if (this.skipping) return;
    this.parser.line(line);
    if (this.events.length) this.drain();
  }

  /** End of input: close the last file. */
  end(): void {
    this.parser.flush();
    this.drain();
  }

  /** The items completed so far; the caller yields them. */
  take(): SourceItem[] {
    return this.out.splice(0);
  }

  private drain(): void {
    const commit = this.commit;
    for (const event of this.events) {
      if (event.type === 'file') {
        this.path = event.path;
        if (!event.deleted && !event.skip) this.out.push(commit ? { type: 'file', file: event.path, commit } : { type: 'file', file: event.path });
        // git's "binary" may be an attribute or UTF-16: sources/binary-text.ts reads it and decides
        if (!event.deleted && event.skip === 'binary' && commit) this.out.push({ type: 'skip', file: event.path, reason: 'binary', commit });
        continue;
      }
      if (this.oversized.has(event.path)) continue;
      const text = event.lines.join('\n');
      const size = (this.sizes.get(event.path) ?? 0) + text.length;
      this.sizes.set(event.path, size);
      if (size > this.maxFileSize) {
        this.tooLarge(event.path);
        continue;
      }
      this.out.push(commit ? { type: 'fragment', file: event.path, startLine: event.startLine, text, commit } : { type: 'fragment', file: event.path, startLine: event.startLine, text });
    }
    this.events.length = 0;
  }

  private tooLarge(path: string): void {
    if (this.oversized.has(path)) return;
    this.oversized.add(path);
    const skip: SourceItem = { type: 'skip', file: path, reason: 'too-large', detail: `over ${this.maxFileSize} bytes added in one commit` };
    if (this.commit) skip.commit = this.commit;
    this.out.push(skip);
  }
}

/** "+x", or " +x" in a merge's combined diff (added relative to one parent). */
function isAdded(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 43 || (c === 32 && line.charCodeAt(1) === 43);
}
