import { closeSync, openSync, readSync } from 'node:fs';

/**
 * The prebuilt rules file (patterns/prebuilt-rules.ts), read as it is needed: its first line
 * (ids, keywords, line lengths) at once, a rule's own line when the rule is first used. A hook
 * uses a few of its 250 rules, so it reads 20 KB of the 250 KB instead of making all of it a
 * string, a large young object for V8's first collection. The file stays open for the process
 * (one descriptor), so every line comes from the file that was opened, even if a reinstall
 * replaces it meanwhile.
 */
export class RuleLines {
  private readonly fd: number;
  /** The first line's text. */
  readonly header: string;
  /** Where the line after the header starts. */
  readonly bodyStart: number;

  /** Throws the file's error (ENOENT when the build wrote none) and closes what it opened. */
  constructor(file: string) {
    this.fd = openSync(file, 'r');
    try {
      let chunk = Buffer.allocUnsafe(32 * 1024);
      let have = 0;
      for (;;) {
        const n = readSync(this.fd, chunk, have, chunk.length - have, have);
        // the line's end, looked for in the bytes just read
        const end = chunk.subarray(0, have + n).indexOf(10, have);
        have += n;
        if (end >= 0) {
          this.header = chunk.toString('latin1', 0, end);
          this.bodyStart = end + 1;
          return;
        }
        if (n === 0) throw new Error(`${file} ends inside its first line; build leakguard again (npm run build).`);
        if (have === chunk.length) chunk = Buffer.concat([chunk, Buffer.allocUnsafe(chunk.length)]);
      }
    } catch (error) {
      closeSync(this.fd);
      throw error;
    }
  }

  /** The text at [at, at + length) of the file (ASCII). */
  read(at: number, length: number): string {
    const out = Buffer.allocUnsafe(length);
    let have = 0;
    while (have < length) {
      const n = readSync(this.fd, out, have, length - have, at + have);
      if (n === 0) break;
      have += n;
    }
    return out.toString('latin1', 0, have);
  }
}
