import type { BlobReader } from './blob-reader.js';
import type { SourceItem } from './types.js';

/**
 * Git calls a staged file binary when it has a NUL byte early on, and also when .gitattributes
 * says so (`-diff`, `binary`, a diff driver with `binary = true`), or when it is UTF-16. A
 * secrets guard cannot take git's word for it: a config file marked `-diff` would otherwise pass
 * unread. So each file the staged diff calls binary is read from the index and decoded the way
 * the files source decodes files (UTF-16 by BOM, lossy UTF-8); only what still looks binary (a NUL
 * byte early on) stays skipped. The lines that are not in the HEAD version are scanned.
 */
export async function* rescueBinaryText(items: AsyncIterable<SourceItem>, options: { root: string; maxFileSize: number }): AsyncGenerator<SourceItem> {
  let reader: BlobReader | undefined;
  let renamed: Map<string, string> | undefined;
  try {
    for await (const item of items) {
      if (item.type !== 'skip' || item.reason !== 'binary') {
        yield item;
        continue;
      }
      // imported on the first binary file: the hook pays nothing for it otherwise
      reader ??= new (await import('./blob-reader.js')).BlobReader(options.root);
      renamed ??= await stagedRenames(options.root);
      // stage 0 spelled out, so that a name such as "0:x" is not read as a stage number
      const spec = `:0:${item.file}`;
      const size = await reader.size(spec);
      if (size === undefined) {
        yield { type: 'skip', file: item.file, reason: 'unreadable', detail: 'git calls it binary and its staged content could not be read' };
        continue;
      }
      if (size > options.maxFileSize) {
        yield { type: 'skip', file: item.file, reason: 'too-large', detail: `${size} bytes, binary to git` };
        continue;
      }
      const { decodeText } = await import('./files.js');
      const staged = await reader.read(spec);
      const text = staged && decodeText(staged);
      if (text === undefined) {
        yield item;
        continue;
      }
      // a renamed file is compared with its old name's content, so only its edits are scanned
      const head = await reader.read(`HEAD:${renamed.get(item.file) ?? item.file}`);
      const before = head === undefined ? undefined : decodeText(head);
      yield { type: 'file', file: item.file };
      yield* addedRuns(item.file, text, before ?? '');
    }
  } finally {
    reader?.close();
  }
}

/** New path -> old path of the staged renames (the same detection as the staged diff). */
async function stagedRenames(root: string): Promise<Map<string, string>> {
  const { runGit } = await import('./git.js');
  const result = await runGit(['diff', '--cached', '--find-renames', '--no-find-copies', '--name-status', '-z', '--diff-filter=R'], root);
  const map = new Map<string, string>();
  const parts = result.code === 0 ? result.stdout.split('\0') : [];
  for (let i = 0; i + 2 < parts.length; i += 3) map.set(parts[i + 2]!, parts[i + 1]!);
  return map;
}

/**
 * The same for history: a commit's file that git calls binary is read from that commit, and its
 * lines not in the first parent's version are scanned if it decodes as text. What stays binary
 * (or is over the size limit) is dropped, as history holds many binaries and none can be scanned.
 */
export async function* rescueHistoryBinaryText(items: AsyncIterable<SourceItem>, options: { root: string; maxFileSize: number }): AsyncGenerator<SourceItem> {
  const rescuer = new HistoryRescuer(options);
  try {
    for await (const item of items) {
      if (isHistoryBinary(item)) yield* await rescuer.rescue(item);
      else yield item;
    }
  } finally {
    rescuer.close();
  }
}

/**
 * rescueHistoryBinaryText over batches of items: a batch without a binary file passes as it is,
 * so the scan reads history a batch at a time with no async step per item.
 */
export async function* rescueHistoryBatches(batches: AsyncIterable<SourceItem[]>, options: { root: string; maxFileSize: number }): AsyncGenerator<SourceItem[]> {
  const rescuer = new HistoryRescuer(options);
  try {
    for await (const batch of batches) {
      if (!batch.some(isHistoryBinary)) {
        yield batch;
        continue;
      }
      const out: SourceItem[] = [];
      for (const item of batch) {
        if (isHistoryBinary(item)) out.push(...(await rescuer.rescue(item)));
        else out.push(item);
      }
      yield out;
    }
  } finally {
    rescuer.close();
  }
}

const isHistoryBinary = (item: SourceItem): boolean => item.type === 'skip' && item.reason === 'binary' && !!item.commit;

/** Reads the files git calls binary from their commits; its blob reader starts on the first. */
class HistoryRescuer {
  private reader: BlobReader | undefined;
  private decode: ((bytes: Buffer) => string | undefined) | undefined;
  private readonly options: { root: string; maxFileSize: number };

  constructor(options: { root: string; maxFileSize: number }) {
    this.options = options;
  }

  /** The items that replace a binary skip: its file and added runs when it decodes as text, else none. */
  async rescue(item: SourceItem): Promise<SourceItem[]> {
    const commit = item.commit!;
    // imported on the first binary file: the hook pays nothing for it otherwise
    const reader = (this.reader ??= new (await import('./blob-reader.js')).BlobReader(this.options.root));
    const spec = `${commit.sha}:${item.file}`;
    const size = await reader.size(spec);
    if (size === undefined || size > this.options.maxFileSize) return [];
    const bytes = await reader.read(spec);
    const decode = (this.decode ??= (await import('./files.js')).decodeText);
    const text = bytes && decode(bytes);
    if (text === undefined || text === '') return [];
    const parent = await reader.read(`${commit.sha}^:${item.file}`);
    const before = parent ? (decode(parent) ?? '') : '';
    return [{ type: 'file', file: item.file, commit }, ...[...addedRuns(item.file, text, before)].map((fragment) => ({ ...fragment, commit }))];
  }

  close(): void {
    this.reader?.close();
  }
}

/** Lines of `after` not matched by a line of `before` (as a multiset), as fragments of consecutive lines. */
export function* addedRuns(file: string, after: string, before: string): Generator<SourceItem> {
  const split = (t: string) => (t.endsWith('\n') ? t.slice(0, -1) : t).split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const old = new Map<string, number>();
  if (before) for (const line of split(before)) old.set(line, (old.get(line) ?? 0) + 1);
  let run: string[] = [];
  let start = 0;
  const lines = after ? split(after) : [];
  for (let i = 0; i <= lines.length; i++) {
    const line = lines[i];
    const left = line === undefined ? 0 : (old.get(line) ?? 0);
    if (line !== undefined && left === 0) {
      if (!run.length) start = i + 1;
      run.push(line);
      continue;
    }
    if (line !== undefined) old.set(line, left - 1);
    if (run.length) yield { type: 'fragment', file, startLine: start, text: run.join('\n') };
    run = [];
  }
}
