import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';

/**
 * The import graph of src/, read from the text of each file, and the checks the architecture
 * test makes on it. Reusable: point it at any folder (a checkout of an older commit) to measure.
 */

export interface Edge {
  from: string;
  to: string;
  /** `import type` / `export type`: erased at build time, but still a dependency between modules. */
  typeOnly: boolean;
}

/** Every .ts file under `src`, as a path relative to it with forward slashes. */
export function sourceFiles(src: string): string[] {
  const files: string[] = [];
  (function walk(dir: string) {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) files.push(relative(src, full).split('\\').join('/'));
    }
  })(src);
  return files.sort();
}

/** Imports and re-exports between src files: static, dynamic (`import('./x.js')`) and type-only. */
export function importEdges(src: string, files: readonly string[]): Edge[] {
  const known = new Set(files);
  const edges: Edge[] = [];
  for (const from of files) {
    const text = readFileSync(join(src, from), 'utf8');
    const pattern = /(?:^(import|export)(\s+type)?\b[^;]*?\bfrom\s+|\bimport\s*\(\s*)['"](\.[^'"]+)['"]/gms;
    for (const m of text.matchAll(pattern)) {
      const to = posix.normalize(posix.join(dirname(from), m[3]!)).replace(/\.js$/, '.ts');
      if (!known.has(to)) throw new Error(`${from} imports ${m[3]}, which is not a file under src/`);
      edges.push({ from, to, typeOnly: !!m[2] });
    }
  }
  return edges;
}

/** The import cycles: each strongly connected component of more than one file (or a file importing itself). */
export function importCycles(files: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const e of edges) next.get(e.from)!.push(e.to);
  // Tarjan's algorithm
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || next.get(v)!.includes(v)) cycles.push(component.sort());
  };
  for (const f of files) if (!index.has(f)) visit(f);
  return cycles;
}

/**
 * The layers, from the top of the import graph down: a file may import its own layer and the
 * layers below it, never one above.
 *
 * The pipeline runs cli -> scan -> sources -> detect -> filters -> findings -> reporters. The
 * orchestrators (the library entry, the CLI, its messages, scan) sit on top and import the
 * stages; nothing imports them back. A stage reads the output of the stages before it, so it may
 * import their types (detect reads sources' Fragment, filters read detect's Candidate, reporters
 * read findings' Finding), never a later stage's, never an orchestrator's. At the bottom are the
 * leaves, which import only other leaves:
 * config, patterns, suggest, util, hooks (install/uninstall, used by the CLI only) and errors.ts
 * (every layer throws its errors). messages.ts is the CLI's prose: only src/cli imports it.
 */
export const LAYERS = ['api', 'cli', 'messages', 'scan', 'reporters', 'findings', 'filters', 'detect', 'sources', 'leaf'] as const;
export type Layer = (typeof LAYERS)[number];

const LEAVES = new Set(['config', 'patterns', 'suggest', 'util', 'hooks']);
const STAGES = new Set(['cli', 'scan', 'reporters', 'findings', 'filters', 'detect', 'sources']);

export function layerOf(file: string): Layer {
  if (file === 'index.ts') return 'api';
  if (file === 'messages.ts') return 'messages';
  if (file === 'errors.ts') return 'leaf';
  if (file === 'scan.ts') return 'scan';
  // fix/ is the second orchestrator: it runs a scan, then plans and applies edits
  if (file.startsWith('fix/')) return 'scan';
  const top = file.split('/')[0]!;
  if (STAGES.has(top)) return top as Layer;
  if (LEAVES.has(top)) return 'leaf';
  throw new Error(`${file} belongs to no layer; add its folder to LAYERS in test/helpers/import-graph.ts and to docs/architecture.md`);
}

/** Imports that point up the layers (against the pipeline order). */
export function upwardImports(edges: readonly Edge[]): Edge[] {
  return edges.filter((e) => LAYERS.indexOf(layerOf(e.to)) < LAYERS.indexOf(layerOf(e.from)));
}

/** Lines of a file as `wc -l` counts them. */
export function lineCount(src: string, file: string): number {
  return readFileSync(join(src, file), 'utf8').split('\n').length - 1;
}
