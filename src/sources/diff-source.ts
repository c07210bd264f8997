import { DiffParser, type DiffEvent } from './parse-diff.js';
import type { CommitInfo, SourceItem } from './types.js';

export interface DiffSourceOptions {
  /** Added text per file beyond which the rest of the file is skipped (bytes). */
  maxFileSize: number;
}

/**
 * Turn a stream of diff lines into source items: a FileSeen per changed file, a Fragment per
 * run of added lines, a Skip for binary files, submodules, symlinks and oversized files.
 * `commitOf` lets history sources attribute lines; staged diffs pass undefined.
 */
export async function* diffToItems(
  lines: AsyncIterable<string>,
  options: DiffSourceOptions,
  onLine?: (line: string, parser: DiffParser) => boolean,
  commitOf?: () => CommitInfo | undefined,
): AsyncGenerator<SourceItem> {
  const queue: DiffEvent[] = [];
  const parser = new DiffParser((e) => queue.push(e));
  const sizes = new Map<string, number>();
  const oversized = new Set<string>();
  function* drain(): Generator<SourceItem> {
    for (const event of queue.splice(0)) {
      const commit = commitOf?.();
      const extra = commit ? { commit } : {};
      if (event.type === 'file') {
        if (event.deleted) continue;
        if (event.skip) yield { type: 'skip', file: event.path, reason: event.skip, ...extra };
        else yield { type: 'file', file: event.path, ...extra };
        continue;
      }
      if (oversized.has(event.path)) continue;
      const text = event.lines.join('\n');
      const size = (sizes.get(event.path) ?? 0) + text.length;
      sizes.set(event.path, size);
      if (size > options.maxFileSize) {
        oversized.add(event.path);
        yield { type: 'skip', file: event.path, reason: 'too-large', detail: `over ${options.maxFileSize} bytes added`, ...extra };
        continue;
      }
      yield { type: 'fragment', file: event.path, startLine: event.startLine, text, ...extra };
    }
  }
  for await (const line of lines) {
    if (onLine?.(line, parser)) {
      yield* drain();
      sizes.clear();
      oversized.clear();
      continue;
    }
    parser.line(line);
    if (queue.length) yield* drain();
  }
  parser.flush();
  yield* drain();
}
