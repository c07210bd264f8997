import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The module boundaries of the house style, enforced: the pure core (detect, findings, suggest,
 * reporters, filters but their loaders) does no I/O; only sources and hooks run processes; only
 * the CLI prints.
 */
const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const files: string[] = [];
(function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(full);
    else if (name.endsWith('.ts')) files.push(relative(SRC, full).split('\\').join('/'));
  }
})(SRC);

/** Runtime imports (type-only imports carry no behaviour and are left out). */
function imports(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8').replace(/^import type [^;]+;$/gm, '');
  return [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

const PURE = /^(detect|findings|suggest|reporters|filters|patterns\/(?!load-patterns))\//;
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
});
