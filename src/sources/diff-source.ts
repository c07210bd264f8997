import { DiffParser, type DiffEvent } from './parse-diff.js';
import type { SourceItem } from './types.js';

export interface DiffSourceOptions {
  /** Added text per file beyond which the rest of the file is skipped (bytes). */
  maxFileSize: number;
}

/**
 * Turn a stream of diff lines (the staged diff), one by one or in batches, into source items: a
 * FileSeen per changed file, a Fragment per run of added lines, a Skip for binary files,
 * submodules, symlinks and oversized files. History has its own reader (sources/history/log-items.ts), which also attributes commits.
 */
export async function* diffToItems(lines: AsyncIterable<string | readonly string[]>, options: DiffSourceOptions): AsyncGenerator<SourceItem> {
  const queue: DiffEvent[] = [];
  const parser = new DiffParser((e) => queue.push(e));
  const sizes = new Map<string, number>();
  const oversized = new Set<string>();
  function* drain(): Generator<SourceItem> {
    for (const event of queue.splice(0)) {
      if (event.type === 'file') {
        if (event.deleted) continue;
        if (event.skip) yield { type: 'skip', file: event.path, reason: event.skip };
        else yield { type: 'file', file: event.path };
        continue;
      }
      if (oversized.has(event.path)) continue;
      const text = event.lines.join('\n');
      const size = (sizes.get(event.path) ?? 0) + text.length;
      sizes.set(event.path, size);
      if (size > options.maxFileSize) {
        oversized.add(event.path);
        yield { type: 'skip', file: event.path, reason: 'too-large', detail: `over ${options.maxFileSize} bytes added` };
        continue;
      }
      yield { type: 'fragment', file: event.path, startLine: event.startLine, text };
    }
  }
  for await (const batch of lines) {
    if (typeof batch === 'string') {
      parser.line(batch);
      if (queue.length) yield* drain();
      continue;
    }
    for (const line of batch) {
      parser.line(line);
      if (queue.length) yield* drain();
    }
  }
  parser.flush();
  yield* drain();
}
