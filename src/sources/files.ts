import { lstat, readFile, readdir, readlink, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';
import { repoRoot, runGit } from './git.js';
import type { Source, SourceItem } from './types.js';

export interface FilesOptions {
  cwd: string;
  paths: readonly string[];
  useGitignore: boolean;
  maxFileSize: number;
}

/** Decode file bytes: UTF-8 (lossy), or UTF-16 when a BOM says so. Binary means a NUL early on. */
export function decodeText(bytes: Buffer): string | undefined {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes.subarray(0, 8000).includes(0)) return undefined;
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** List files under the given paths: git's view (tracked + untracked, not ignored) inside a repo, a walk outside. */
async function listFiles(options: FilesOptions): Promise<{ files: string[]; ignored: string[]; named: Set<string>; byGit: Set<string> }> {
  const out: string[] = [];
  const ignored: string[] = [];
  const named = new Set<string>();
  const byGit = new Set<string>();
  for (const p of options.paths) {
    const abs = resolve(options.cwd, p);
    const info = await lstat(abs).catch(() => undefined);
    if (!info) throw new InputError(`The path ${p} does not exist; check the PATH arguments.`);
    await checkNamed(p, abs, info);
    named.add(abs);
    // each PATH is judged by the repository it is in, which need not be the working directory's
    const root = options.useGitignore ? await repoRoot(info.isDirectory() ? abs : dirname(abs)) : undefined;
    if (root) {
      const result = await runGit(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', `:(literal)${abs}`], root);
      if (result.code !== 0) throw new InputError(`git ls-files failed in ${root} (${result.stderr.trim()}); run leakguard from a working git checkout or pass --no-gitignore.`);
      const listed = [...new Set(result.stdout.split('\0').filter(Boolean))];
      if (listed.length === 0) ignored.push(p);
      for (const f of listed) {
        out.push(join(root, f));
        byGit.add(join(root, f));
      }
    } else if (info.isDirectory()) await walk(abs, out);
    else if (info.isFile() || info.isSymbolicLink()) out.push(abs);
  }
  return { files: [...new Set(out)], ignored, named, byGit };
}

/** A PATH the user named must be scannable: a FIFO would block and a dangling link holds nothing to scan. */
async function checkNamed(p: string, abs: string, info: Stats): Promise<void> {
  if (info.isSymbolicLink()) {
    const target = await stat(abs).catch(() => undefined);
    if (!target) throw new InputError(`The path ${p} is a symbolic link to ${await readlink(abs)}, which does not exist; fix the link or leave it out of the PATH arguments.`);
    info = target;
  }
  if (!info.isFile() && !info.isDirectory()) {
    const type = info.isFIFO() ? 'a FIFO' : info.isSocket() ? 'a socket' : 'a device';
    throw new InputError(`The path ${p} is not a regular file (it is ${type}), so it cannot be scanned; leave it out of the PATH arguments.`);
  }
}

async function walk(dir: string, out: string[]): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new InputError(`The folder ${dir} cannot be read (${error.code ?? error.message}); fix its permissions or leave it out of the PATH arguments.`);
  });
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name === '.git') continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else if (entry.isFile()) out.push(full);
  }
}

async function readHead(path: string): Promise<Buffer | undefined> {
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const buffer = Buffer.alloc(8000);
    const { bytesRead } = await handle.read(buffer, 0, 8000, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** The files source: whole files as they are on disk. Paths are reported relative to the working directory. */
export async function* filesSource(options: FilesOptions): Source {
  const { files, ignored, named, byGit } = await listFiles(options);
  for (const p of ignored) yield { type: 'skip', file: p, reason: 'ignored' };
  const queue: Array<Promise<SourceItem[]>> = [];
  const CONCURRENCY = 16;
  const read = (abs: string) =>
    readListed(abs, { cwd: options.cwd, maxFileSize: options.maxFileSize, listedBy: byGit.has(abs) ? 'git' : 'walk', follow: named.has(abs) });
  for (const abs of files) {
    queue.push(read(abs));
    if (queue.length >= CONCURRENCY) yield* await queue.shift()!;
  }
  while (queue.length) yield* await queue.shift()!;
}

export interface ReadListedOptions {
  cwd: string;
  maxFileSize: number;
  /** Who listed the file: git lists tracked files the user deleted (nothing to scan); a walk saw it on disk. */
  listedBy: 'git' | 'walk';
  /** Follow a symbolic link (the user named it as a PATH) instead of skipping it. */
  follow?: boolean;
}

/** Read one listed file into source items. A file gone since a walk listed it is a read failure. */
export async function readListed(abs: string, options: ReadListedOptions): Promise<SourceItem[]> {
  const file = toPosix(relative(options.cwd, abs)) || '.';
  const info = await (options.follow ? stat(abs) : lstat(abs)).catch(() => undefined);
  if (!info) return options.listedBy === 'git' ? [] : [{ type: 'skip', file, reason: 'unreadable', detail: 'ENOENT: deleted while the scan ran' }];
  if (info.isSymbolicLink()) return [{ type: 'skip', file, reason: 'symlink' }];
  if (!info.isFile()) return [];
  if (info.size > options.maxFileSize) {
    // a large binary (an archive, an image) is simply binary; only large text is worth a warning
    const head = await readHead(abs);
    if (head && head.includes(0)) return [{ type: 'skip', file, reason: 'binary' }];
    return [{ type: 'skip', file, reason: 'too-large', detail: `${info.size} bytes` }];
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(abs);
  } catch (error) {
    return [{ type: 'skip', file, reason: 'unreadable', detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message }];
  }
  const text = decodeText(bytes);
  if (text === undefined) return [{ type: 'skip', file, reason: 'binary' }];
  return [
    { type: 'file', file },
    { type: 'fragment', file, startLine: 1, text },
  ];
}
