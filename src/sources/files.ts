import { lstat, readFile, readdir } from 'node:fs/promises';
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
async function listFiles(options: FilesOptions): Promise<{ files: string[]; ignored: string[] }> {
  const out: string[] = [];
  const ignored: string[] = [];
  for (const p of options.paths) {
    const abs = resolve(options.cwd, p);
    const info = await lstat(abs).catch(() => undefined);
    if (!info) throw new InputError(`The path ${p} does not exist; check the PATH arguments.`);
    // each PATH is judged by the repository it is in, which need not be the working directory's
    const root = options.useGitignore ? await repoRoot(info.isDirectory() ? abs : dirname(abs)) : undefined;
    if (root) {
      const result = await runGit(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name', '--', `:(literal)${abs}`], root);
      if (result.code !== 0) throw new InputError(`git ls-files failed in ${root} (${result.stderr.trim()}); run leakguard from a working git checkout or pass --no-gitignore.`);
      const listed = [...new Set(result.stdout.split('\0').filter(Boolean))];
      if (listed.length === 0) ignored.push(p);
      for (const f of listed) out.push(join(root, f));
    } else if (info.isDirectory()) await walk(abs, out);
    else if (info.isFile() || info.isSymbolicLink()) out.push(abs);
  }
  return { files: [...new Set(out)], ignored };
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
  const { files, ignored } = await listFiles(options);
  for (const p of ignored) yield { type: 'skip', file: p, reason: 'ignored' };
  const queue: Array<Promise<SourceItem[]>> = [];
  const CONCURRENCY = 16;
  const read = async (abs: string): Promise<SourceItem[]> => {
    const file = toPosix(relative(options.cwd, abs)) || '.';
    const info = await lstat(abs).catch(() => undefined);
    if (!info) return []; // deleted since git listed it
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
  };
  for (const abs of files) {
    queue.push(read(abs));
    if (queue.length >= CONCURRENCY) yield* await queue.shift()!;
  }
  while (queue.length) yield* await queue.shift()!;
}
