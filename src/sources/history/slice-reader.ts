import type { CommitInfo, SourceItem } from '../types.js';
import { LogItems } from './log-items.js';
import { RawText } from './raw-text.js';

/**
 * One git process's output turned into items: its chunks, cut anywhere (inside a line or a UTF-8
 * sequence), decoded up to each chunk's last line break (no sequence holds a '\n' byte), the
 * bytes after it waiting, in pieces, for the next break, so that a long line (a minified file)
 * is not re-scanned or re-copied with every chunk. Read as bytes (raw-text.ts): what is kept is
 * decoded as UTF-8, lossy, as TextDecoder's.
 */
export class SliceReader {
  private readonly items: LogItems;
  private readonly pending: Buffer[] = [];

  constructor(maxFileSize: number, onCommit: (commit: CommitInfo) => void, positionOf: (sha: string, nth: number) => number) {
    this.items = new LogItems(maxFileSize, onCommit, positionOf);
  }

  /** Read a run of chunks; returns the items completed. */
  read(chunks: readonly Buffer[]): SourceItem[] {
    const { items, pending } = this;
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
        items.feed(RawText.of(Buffer.concat(pending)));
        pending.length = 0;
      }
      if (nl + 1 < chunk.length) pending.push(chunk.subarray(nl + 1));
      if (from <= nl) items.feed(RawText.of(chunk.subarray(from, nl + 1)));
    }
    return items.take();
  }

  /** The end of the output: its last line, and the items still open. */
  end(): SourceItem[] {
    const last = Buffer.concat(this.pending).toString('utf8');
    this.pending.length = 0;
    if (last) this.items.line(last);
    this.items.end();
    return this.items.take();
  }
}
