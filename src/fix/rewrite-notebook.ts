import { rewriteCode } from './rewrite-code.js';
import type { LineRewrite } from './types.js';

/**
 * Jupyter notebooks: each line of a code cell is a JSON string in the cell's "source" array. The
 * string is decoded, rewritten as Python, and encoded again; the rest of the file is untouched.
 */
const SOURCE_LINE = /^(\s*)"((?:[^"\\]|\\.)*)"(,?)(\s*)$/;

export function rewriteNotebookLine(line: string, start: number, secret: string, name: string): LineRewrite {
  const m = SOURCE_LINE.exec(line);
  if (!m) return { ok: false, reason: 'notebook' };
  const open = m[1]!.length;
  if (start <= open || start + secret.length > open + 1 + m[2]!.length) return { ok: false, reason: 'notebook' };
  let code: string;
  let pos: number;
  try {
    code = JSON.parse(`"${m[2]!}"`) as string;
    pos = (JSON.parse(`"${line.slice(open + 1, start)}"`) as string).length;
  } catch {
    return { ok: false, reason: 'escapes' };
  }
  const nl = code.endsWith('\n') ? '\n' : '';
  const python = code.slice(0, code.length - nl.length);
  if (python.slice(pos, pos + secret.length) !== secret) return { ok: false, reason: 'escapes' };
  const r = rewriteCode(python, pos, secret, 'python', name);
  if (!r.ok) return r;
  return { ok: true, text: `${m[1]!}${JSON.stringify(r.text + nl)}${m[3]!}${m[4]!}`, needs: r.needs.length ? ['notebook-os'] : [] };
}

/** Whether line `index` is a line of a code cell's source (not markdown, not an output). */
export function inCodeSource(lines: readonly string[], index: number): boolean {
  for (let i = index - 1; i >= 0; i--) {
    const key = /^\s*"([a-z_]+)":/.exec(lines[i]!)?.[1];
    if (key === undefined) {
      if (SOURCE_LINE.test(lines[i]!)) continue;
      return false;
    }
    if (key !== 'source') return false;
    // the cell's type comes before its source (nbformat writes keys in order)
    for (let j = i - 1; j >= 0; j--) {
      const type = /^\s*"cell_type":\s*"(\w+)"/.exec(lines[j]!)?.[1];
      if (type) return type === 'code';
    }
    return false;
  }
  return false;
}

/** Insert `import os` as a source line before the first rewritten line, unless a cell imports it. */
export function notebookImportOs(lines: string[], changed: ReadonlySet<number>, cr: string): void {
  const imports = lines.some((l) => /^\s*"import os(?:\\n)?",?\s*$/.test(l) || /^\s*"import (?:[\w.]+, )*os(?:, [\w., ]+)?(?:\\n)?",?\s*$/.test(l));
  if (imports || !changed.size) return;
  const first = Math.min(...changed);
  const indent = /^\s*/.exec(lines[first]!)![0];
  lines.splice(first, 0, `${indent}"import os\\n",${cr}`);
}
