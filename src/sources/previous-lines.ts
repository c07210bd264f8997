import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BlobReader } from './blob-reader.js';
import { runGit } from './git.js';
import type { LineRef } from './types.js';

/**
 * A `leakguard:allow-next-line` directive may sit on a line that was not added (it was already
 * there). For the few candidates whose previous line is outside their fragment, read it from the
 * staged or committed blob, or from disk. A history scan's blobs come from one cat-file process
 * (a git process each cost about 16 ms, at the end of the scan with both cores idle).
 */
export async function fillPreviousLines(candidates: LineRef[], opts: { staged: boolean; cwd: string; gitDir: string | undefined }): Promise<void> {
  const missing = candidates.filter((c) => c.previousLineText === undefined && c.line > 1 && c.kind === 'secret');
  const cache = new Map<string, string[] | undefined>();
  const blobs = !opts.staged && opts.gitDir && missing.length > 1 ? new BlobReader(opts.gitDir) : undefined;
  try {
    await fill(missing, cache, opts, blobs);
  } finally {
    blobs?.close();
  }
}

async function fill(missing: LineRef[], cache: Map<string, string[] | undefined>, opts: { staged: boolean; cwd: string; gitDir: string | undefined }, blobs: BlobReader | undefined): Promise<void> {
  for (const c of missing) {
    const spec = opts.staged ? `:${c.file}` : c.commit ? `${c.commit.sha}:${c.file}` : undefined;
    const key = spec ?? c.file;
    if (!cache.has(key)) {
      let text: string | undefined;
      if (spec && blobs) {
        text = (await blobs.read(spec))?.toString('utf8');
      } else if (spec && opts.gitDir) {
        const r = await runGit(['cat-file', 'blob', spec], opts.gitDir);
        text = r.code === 0 ? r.stdout : undefined;
      } else if (!spec) {
        // sync: node:fs/promises would load node's stream, readline and watcher modules for one read
        try {
          text = readFileSync(resolve(opts.cwd, c.file), 'utf8');
        } catch {
          text = undefined;
        }
      }
      cache.set(key, text?.split('\n'));
    }
    const previous = cache.get(key)?.[c.line - 2];
    if (previous !== undefined) c.previousLineText = previous.replace(/\r$/, '');
  }
}
