import { isAscii } from 'node:buffer';

/** A byte over 0x7f, in a latin1 string. */
const HIGH = /[\u0080-\u00ff]/g;

/**
 * A piece of git output read as bytes: `text` holds one character per byte (latin1), which V8
 * makes with a plain copy. Decoding it as UTF-8 instead cost half a second of eslint's history,
 * where almost every chunk holds some non-ASCII text and so became a two-byte string, and every
 * search, slice and regex after it worked on twice the memory. Every byte that gives the diff its
 * structure is ASCII, so the parsing reads `text` as it is; what is kept (an added line, a
 * header) is cut with `slice`, which decodes it as UTF-8 (lossy, as TextDecoder) when it holds a
 * byte over 0x7f. No line break falls inside a UTF-8 sequence, so a line decodes alone as it
 * would in the whole.
 */
export class RawText {
  readonly text: string;
  private readonly bytes: Buffer | undefined;
  /** The first byte over 0x7f at or after `from` (text.length: none); known for slices in order. */
  private high: number;
  private from = 0;

  constructor(text: string, bytes?: Buffer) {
    this.text = text;
    this.bytes = bytes;
    this.high = bytes === undefined || isAscii(bytes) ? text.length : -1;
  }

  /** Bytes of git output. */
  static of(bytes: Buffer): RawText {
    return new RawText(bytes.toString('latin1'), bytes);
  }

  /** text[start, end), decoded. */
  slice(start: number, end: number): string {
    if (this.high < start || start < this.from) {
      HIGH.lastIndex = start;
      this.high = HIGH.exec(this.text)?.index ?? this.text.length;
      this.from = start;
    }
    return this.high < end ? this.bytes!.toString('utf8', start, end) : this.text.slice(start, end);
  }
}
