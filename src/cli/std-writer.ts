import { writeSync } from 'node:fs';

/** Where one of the process's standard outputs goes: its writes, and a wait for what is queued. */
export interface StdWriter {
  write(text: string): void;
  flushed(): Promise<void>;
}

/**
 * A standard output (fd 1 or 2) written with fs.writeSync rather than through process.stdout or
 * process.stderr. Node makes those streams on first use, and making one loads node's stream
 * modules, and for a terminal or a pipe its net and tty modules too: for the one line a clean
 * hook prints, 33 M instructions (callgrind), more than a quarter of the whole run. The writes are
 * synchronous, as node's own are for files, terminals and (on Linux) pipes. An output that is
 * non-blocking (EAGAIN: a parent handed over a non-blocking pipe) goes to node's stream from that
 * byte on, and so does everything after it, in order. Any other failure (EPIPE: a reader that
 * stopped early; ENOSPC behind `>`) is passed to onError once and later writes are dropped.
 * On Windows, where node's streams convert text for the console, the streams are used throughout.
 */
export function stdWriter(fd: 1 | 2, stream: () => NodeJS.WriteStream, onError: (error: NodeJS.ErrnoException) => void): StdWriter {
  let viaStream = process.platform === 'win32';
  let streamUsed = false;
  let failed = false;
  const fail = (error: NodeJS.ErrnoException) => {
    if (failed) return;
    failed = true;
    onError(error);
  };
  const toStream = (chunk: string | Uint8Array) => {
    if (!streamUsed) {
      streamUsed = true;
      stream().on('error', fail);
    }
    stream().write(chunk);
  };
  return {
    write(text) {
      if (failed || text === '') return;
      if (viaStream) return toStream(text);
      const bytes = Buffer.from(text, 'utf8');
      let done = 0;
      try {
        while (done < bytes.length) done += writeSync(fd, bytes, done);
      } catch (error) {
        const e = error as NodeJS.ErrnoException;
        if (e.code !== 'EAGAIN') return fail(e);
        viaStream = true;
        toStream(bytes.subarray(done));
      }
    },
    flushed: () => new Promise<void>((resolve) => (failed || !streamUsed || stream().writableLength === 0 ? resolve() : stream().write('', () => resolve()))),
  };
}
