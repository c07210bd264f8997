import { lstat, readFile, rename, stat, unlink, writeFile, chmod } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError, LeakguardError } from '../errors.js';
import { git, runGit } from '../sources/git.js';

/**
 * The I/O of `leakguard fix`: read a file or an index entry, and write them back atomically
 * (temp file + rename, same mode; a new blob + update-index, same mode). Each write first checks
 * that what is there is still what was planned on, so a change made since the scan is never lost.
 */
export interface IndexEntry {
  mode: string;
  sha: string;
  text: string;
}

/** Text, or undefined when the bytes are not UTF-8 (fix would not write them back unchanged). */
export function decode(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes) ? text : undefined;
}

/** The staged entry of a file; text is undefined when the blob is not UTF-8 (U+FFFD after decoding). */
export async function readIndexEntry(root: string, path: string): Promise<{ mode: string; sha: string; text: string | undefined } | undefined> {
  const line = (await git(['ls-files', '-s', '-z', '--', path], root)).split('\0')[0];
  const m = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t/.exec(line ?? '');
  if (!m) return undefined;
  if (m[3] !== '0') throw new InputError(`${path} has merge conflicts in the index; resolve them, then run leakguard fix again.`);
  const text = await git(['cat-file', 'blob', m[2]!], root);
  return { mode: m[1]!, sha: m[2]!, text: text.includes('\uFFFD') ? undefined : text };
}

export async function writeIndexEntry(root: string, path: string, entry: IndexEntry, after: string): Promise<void> {
  const now = await readIndexEntry(root, path);
  if (!now || now.sha !== entry.sha || now.mode !== entry.mode) throw changedSinceScan(path);
  const sha = (await git(['hash-object', '-w', '--no-filters', '--stdin'], root, after)).trim();
  const result = await runGit(['update-index', '--cacheinfo', `${entry.mode},${sha},${path}`], root);
  if (result.code !== 0) throw new LeakguardError(`git update-index could not stage the fix of ${path} (${result.stderr.trim()}); the index is unchanged, fix the repository and run leakguard fix again.`);
}

export async function isSymlink(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isSymbolicLink();
  } catch {
    return false;
  }
}

export async function readText(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new InputError(`Could not read ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); fix its permissions and run leakguard fix again.`);
  }
}

/** Write `after` in place of `before` (undefined: the file must not exist yet, and is created with `newMode`). */
export async function writeAtomic(path: string, before: string | undefined, after: string, newMode = 0o644): Promise<void> {
  const current = await readText(path);
  if ((current === undefined) !== (before === undefined) || (current !== undefined && current.toString('utf8') !== before)) throw changedSinceScan(path);
  const mode = current === undefined ? newMode : (await stat(path)).mode & 0o7777;
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.leakguard-fix.tmp`);
  try {
    await writeFile(tmp, after, { encoding: 'utf8', mode });
    await chmod(tmp, mode);
    await rename(tmp, path);
  } catch (error) {
    await unlink(tmp).catch(() => undefined);
    throw new LeakguardError(`Could not write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that its folder is writable, then run leakguard fix again.`);
  }
}

export function changedSinceScan(path: string): InputError {
  return new InputError(`${path} changed since leakguard scanned it, so nothing was written to it; run leakguard fix again.`);
}
