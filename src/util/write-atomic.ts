import { randomBytes } from 'node:crypto';
import { realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Write a report or baseline so that a failure never leaves a partial file: the text goes to a
 * temp file beside the target, which is renamed over it only once fully written; on any error
 * the temp file is removed and the target is untouched. A target that exists and is not a
 * regular file (/dev/stdout, /dev/full, a FIFO) is written in place: renaming over a device would
 * replace the device. A symbolic link is followed, so the link itself survives.
 * Throws the file system's error (with its code) for the caller to turn into a sentence.
 */
export async function writeAtomic(path: string, text: string): Promise<void> {
  const target = await realpath(path).catch(() => path);
  const info = await stat(target).catch(() => undefined);
  if (info && !info.isFile() && !info.isDirectory()) {
    await writeFile(target, text, { encoding: 'utf8', flag: 'w' });
    return;
  }
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.leakguard.tmp`);
  try {
    await writeFile(tmp, text, { encoding: 'utf8', flag: 'wx' });
    await rename(tmp, target);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw error;
  }
}
