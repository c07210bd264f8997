import { DiffParser, type DiffEvent } from '../parse-diff.js';
import type { CommitInfo, SourceItem } from '../types.js';
import { ownString } from '../../util/own-string.js';
import { HunkReader } from './hunk-reader.js';
import { RawText } from './raw-text.js';

/** The pretty format of each commit's header line: two NULs, then sha, author, email, date, subject. */
export const COMMIT_FORMAT = '--format=%x00%x00%H%x00%an%x00%ae%x00%aI%x00%s';
const MARK = '\u0000\u0000';

/**
 * Turns the text of `git log -p` (with COMMIT_FORMAT headers) into source items, synchronously,
 * so that a whole chunk of git output is parsed without an await per line. Items are attributed
 * to the commit whose header came last. Added text beyond `maxFileSize` per file per commit is
 * skipped with a `too-large` item (a warning), never silently. Binary files, symlinks and
 * submodules are dropped: history holds many and none can be scanned as text.
 *
 * Header lines (commit, diff, ---/+++, mode, @@) go through the shared DiffParser. Hunk bodies,
 * almost all of the bytes, are read in place by a HunkReader: a removed line costs a character
 * test, an added line one slice, and no line is copied that is not scanned.
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
  /** Each commit's position in the scan's order, from its sha and its number in this text (0 for the first). */
  private readonly positionOf: ((sha: string, nth: number) => number) | undefined;
  private commits = 0;
  private readonly hunks: HunkReader;
  /** The file hunk bodies belong to: set by the parser's file event, cleared at each diff or commit header. */
  private hunkFile: string | undefined;

  constructor(maxFileSize: number, onCommit: (commit: CommitInfo) => void, positionOf?: (sha: string, nth: number) => number) {
    this.maxFileSize = maxFileSize;
    this.onCommit = onCommit;
    this.positionOf = positionOf;
    this.parser = new DiffParser((e) => this.events.push(e));
    this.hunks = new HunkReader((startLine, lines) => this.hunk(startLine, lines));
  }

  /** Feed text (or git's bytes) made of whole lines and a partial last line; returns that unfinished tail. */
  feed(input: string | RawText): string {
    const raw = typeof input === 'string' ? new RawText(input) : input;
    const text = raw.text;
    let start = 0;
    for (let nl = text.indexOf('\n', start); nl !== -1; nl = text.indexOf('\n', start)) {
      if (!this.skipping && this.hunks.active) {
        const used = this.hunks.body(raw, start, nl, this) || this.hunks.nextHunk(text, start, nl);
        if (used) {
          start = nl + 1;
          continue;
        }
      }
      this.line(raw.slice(start, nl));
      start = nl + 1;
    }
    return raw.slice(start, text.length);
  }

  /** Count an added line against the file's size limit; false when the file is now skipped. */
  countAdded(length: number, startsWithPlusPlusPlus: boolean): boolean {
    this.fileBytes += length;
    if (this.fileBytes > this.maxFileSize && this.path !== undefined && !startsWithPlusPlusPlus) {
      // the file's pending added lines are dropped with the rest of it
      this.hunks.discard();
      this.skipping = true;
      this.tooLarge(this.path);
      return false;
    }
    return true;
  }

  /** Feed one line (without its newline). */
  line(line: string): void {
    this.hunks.end();
    if (line.startsWith(MARK)) {
      this.parser.flush();
      this.drain();
      this.hunkFile = undefined;
      const [sha = '', author = '', email = '', date = '', ...subject] = line.slice(2).split('\u0000');
      this.commit = { sha: ownString(sha), author: ownString(author), email: ownString(email), date: ownString(date), subject: ownString(subject.join(' ')) };
      if (this.positionOf) this.commit.position = this.positionOf(this.commit.sha, this.commits++);
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
      this.hunkFile = undefined;
    } else if (isAdded(line)) {
      if (this.skipping) return;
      if (!this.countAdded(line.length, line.startsWith('+++ '))) return;
    } else if (this.skipping) return;
    this.parser.line(line);
    if (this.events.length) this.drain();
    // the parser now reads this file's hunks: their bodies are read in place
    if (line.startsWith('@@')) this.hunks.start(this.parser.hunkParents, this.parser.hunkStartLine);
  }

  /** End of input: close the last file. */
  end(): void {
    this.hunks.end();
    this.parser.flush();
    this.drain();
  }

  /** The items completed so far; the caller yields them. */
  take(): SourceItem[] {
    return this.out.splice(0);
  }

  private drain(): void {
    for (const event of this.events) {
      if (event.type === 'file') {
        this.path = event.path;
        this.hunkFile = event.deleted || event.skip ? undefined : event.path;
        if (!event.deleted && !event.skip) this.out.push(this.commit ? { type: 'file', file: event.path, commit: this.commit } : { type: 'file', file: event.path });
        // git's "binary" may be an attribute or UTF-16: sources/binary-text.ts reads it and decides
        if (!event.deleted && event.skip === 'binary' && this.commit) this.out.push({ type: 'skip', file: event.path, reason: 'binary', commit: this.commit });
        continue;
      }
      this.fragment(event.path, event.startLine, event.lines);
    }
    this.events.length = 0;
  }

  private hunk(startLine: number, lines: string[]): void {
    if (this.hunkFile !== undefined) this.fragment(this.hunkFile, startLine, lines);
  }

  private fragment(path: string, startLine: number, lines: readonly string[]): void {
    if (this.oversized.has(path)) return;
    const text = lines.join('\n');
    const size = (this.sizes.get(path) ?? 0) + text.length;
    this.sizes.set(path, size);
    if (size > this.maxFileSize) {
      this.tooLarge(path);
      return;
    }
    this.out.push(this.commit ? { type: 'fragment', file: path, startLine, text, commit: this.commit } : { type: 'fragment', file: path, startLine, text });
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
