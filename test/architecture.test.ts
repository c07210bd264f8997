import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importCycles, importEdges, layerOf, lineCount, sourceFiles, upwardImports } from './helpers/import-graph.js';

/**
 * The module boundaries of the house style, enforced: the pure core (detect, findings, suggest,
 * reporters, filters but their loaders) does no I/O; only sources and hooks run processes; only
 * the CLI prints; imports follow the layers (test/helpers/import-graph.ts, docs/architecture.md)
 * with no cycle; no file is longer than MAX_LINES.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const files = sourceFiles(SRC);
const edges = importEdges(SRC, files);

const MAX_LINES = 200;
/** Runtime imports (type-only imports carry no behaviour and are left out). */
function imports(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8').replace(/^import type [^;]+;$/gm, '');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

// fix/ plans in pure modules; only fix.ts (planning I/O), io.ts and apply.ts read and write;
// patterns/ reads its data files in the modules named here, and compiles and checks in pure ones
const PURE = /^(?:(?:detect|findings|suggest|reporters|filters)\/|patterns\/(?!load-patterns\.ts|prebuilt-rules\.ts|rule-lines\.ts|word-list\.ts)|fix\/(?!fix\.ts|io\.ts|apply\.ts))/;
const IO = ['node:fs', 'node:fs/promises', 'node:child_process', 'simple-git', 'cosmiconfig'];

describe('architecture', () => {
  it('finds the sources', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files.filter((f) => PURE.test(f) && f !== 'filters/loaders.ts'))('%s does no I/O and does not reach into the CLI', (file) => {
    const bad = imports(file).filter((i) => IO.includes(i) || i.includes('/cli/') || i.startsWith('../sources/'));
    expect(bad).toEqual([]);
  });

  it.each(files.filter((f) => !f.startsWith('cli/')))('%s never prints (only src/cli does)', (file) => {
    const text = readFileSync(join(SRC, file), 'utf8');
    expect(text).not.toMatch(/console\.(log|error|warn|info)|process\.(stdout|stderr)\.write/);
  });

  it('runs git only from sources/ and hooks/, and simple-git only in hooks/', () => {
    const offenders = files.filter((f) => {
      const list = imports(f);
      if (list.includes('simple-git') && !f.startsWith('hooks/')) return true;
      return list.includes('node:child_process') && !f.startsWith('sources/') && !f.startsWith('hooks/');
    });
    expect(offenders).toEqual([]);
  });

  it('reads the import graph (runtime, type-only and dynamic imports)', () => {
    expect(edges.some((e) => e.typeOnly)).toBe(true);
    expect(edges).toContainEqual({ from: 'scan.ts', to: 'sources/history.ts', typeOnly: false });
    expect(edges).toContainEqual({ from: 'cli/run.ts', to: 'cli/types.ts', typeOnly: true });
  });

  it('puts every file in a layer', () => {
    for (const f of files) expect(() => layerOf(f)).not.toThrow();
  });

  it('has no import cycle, counting type-only imports', () => {
    expect(importCycles(files, edges)).toEqual([]);
  });

  it('has no import against the layers (cli -> scan -> stages in pipeline order -> leaves)', () => {
    expect(upwardImports(edges).map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it.each(files)(`%s has at most ${MAX_LINES} lines`, (file) => {
    expect(lineCount(SRC, file)).toBeLessThanOrEqual(MAX_LINES);
  });
});
