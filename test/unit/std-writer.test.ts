import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stdWriter } from '../../src/cli/std-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'leakguard-std-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stream stand-in that records what reaches it (the writer falls back to it only on EAGAIN). */
function fakeStream() {
  const chunks: string[] = [];
  const stream = {
    writableLength: 0,
    on: () => stream,
    write: (chunk: string | Uint8Array, done?: () => void) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      done?.();
      return true;
    },
  };
  return { chunks, stream: () => stream as unknown as NodeJS.WriteStream };
}

describe('stdWriter: standard output without node\'s streams', () => {
  it.skipIf(process.platform === 'win32')('writes UTF-8 text straight to the file descriptor, in order, and never touches the stream', async () => {
    const file = join(dir, 'out.txt');
    const fd = openSync(file, 'w');
    const { chunks, stream } = fakeStream();
    const writer = stdWriter(fd as 1, stream, () => undefined);
    writer.write('leakguard: ');
    writer.write('');
    writer.write('clé ✓ 日本\n');
    await writer.flushed();
    closeSync(fd);
    expect(readFileSync(file, 'utf8')).toBe('leakguard: clé ✓ 日本\n');
    expect(chunks).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a write that fails (a descriptor open for reading only) is reported once, and later writes are dropped', () => {
    const file = join(dir, 'read-only.txt');
    closeSync(openSync(file, 'w'));
    const fd = openSync(file, 'r');
    const errors: string[] = [];
    const { chunks, stream } = fakeStream();
    const writer = stdWriter(fd as 1, stream, (e) => errors.push(e.code ?? e.message));
    writer.write('one\n');
    writer.write('two\n');
    closeSync(fd);
    expect(errors).toEqual(['EBADF']);
    expect(chunks).toEqual([]);
    expect(readFileSync(file, 'utf8')).toBe('');
  });
});
