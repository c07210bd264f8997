import { notebookImportOs } from './rewrite-notebook.js';
import type { Need } from './types.js';

/**
 * What rewritten lines need elsewhere in their file: Python's `import os`, Go's "os" import and
 * var instead of const, C#'s `using System;`, Terraform's variable block. Works on the lines
 * (split on \n; `cr` is added to new lines of a CRLF file); returns false when a need cannot be met.
 */
export function meetNeeds(lines: string[], needs: ReadonlySet<Need>, changed: ReadonlySet<number>, cr: string): boolean {
  if (needs.has('go-const') && !goConstBlocks(lines, changed)) return false;
  if (needs.has('python-os')) pythonOs(lines, cr);
  if (needs.has('notebook-os')) notebookImportOs(lines, changed, cr);
  if (needs.has('go-os')) goOs(lines, cr);
  if (needs.has('csharp-system')) csharpSystem(lines, cr);
  const vars = [...needs].filter((n) => n.startsWith('tf-var:')).map((n) => n.slice('tf-var:'.length));
  for (const v of vars.sort()) {
    if (lines.some((l) => new RegExp(`^\\s*variable\\s+"${v}"`).test(l))) continue;
    const ended = lines.length > 0 && lines[lines.length - 1] === '';
    if (ended) lines.pop();
    else if (lines.length) lines[lines.length - 1] += cr;
    lines.push(...['', `variable "${v}" {`, '  type      = string', '  sensitive = true', '}'].map((l) => l + cr), '');
  }
  return true;
}

function pythonOs(lines: string[], cr: string): void {
  if (lines.some((l) => /^import\s+(?:[\w.]+(?:\s+as\s+\w+)?\s*,\s*)*os\s*(?:,|#|$)/.test(l))) return;
  let i = 0;
  while (i < lines.length && /^\s*(#.*)?$/.test(lines[i]!)) i++;
  const doc = /^\s*[rRuU]?("""|''')/.exec(lines[i] ?? '');
  if (doc) {
    const q = doc[1]!;
    const rest = lines[i]!.slice(lines[i]!.indexOf(q) + 3);
    if (!rest.includes(q)) while (++i < lines.length && !lines[i]!.includes(q));
    i++;
  }
  // after any `from __future__` imports, which must come first
  for (let j = i; j < lines.length && (/^\s*(#.*)?$/.test(lines[j]!) || /^from\s+__future__\s+import/.test(lines[j]!)); j++) {
    if (lines[j]!.startsWith('from __future__')) i = j + 1;
  }
  lines.splice(i, 0, `import os${cr}`);
}

function goOs(lines: string[], cr: string): void {
  if (lines.some((l) => /^\s*(?:import\s+)?"os"\s*$/.test(l))) return;
  const block = lines.findIndex((l) => /^import\s*\(\s*$/.test(l));
  if (block >= 0) {
    lines.splice(block + 1, 0, `\t"os"${cr}`);
    return;
  }
  const single = lines.findIndex((l) => /^import\s+/.test(l));
  const pkg = lines.findIndex((l) => /^package\s+\w+/.test(l));
  lines.splice((single >= 0 ? single : pkg) + 1, 0, `import "os"${cr}`);
}

function csharpSystem(lines: string[], cr: string): void {
  if (lines.some((l) => /^\s*(?:global\s+)?using\s+System\s*;/.test(l))) return;
  const first = lines.findIndex((l) => /^\s*(?:global\s+)?using\s+[\w.]+\s*;/.test(l));
  lines.splice(first >= 0 ? first : 0, 0, `using System;${cr}`);
}

/** A rewritten line inside `const ( ... )` turns the block into `var ( ... )`, unless it counts with iota. */
function goConstBlocks(lines: string[], changed: ReadonlySet<number>): boolean {
  for (const index of changed) {
    let open = -1;
    for (let k = index - 1; k >= 0; k--) {
      if (/^\s*\)\s*$/.test(lines[k]!)) break;
      if (/^\s*const\s*\(\s*$/.test(lines[k]!)) {
        open = k;
        break;
      }
    }
    if (open < 0) continue;
    let close = open + 1;
    while (close < lines.length && !/^\s*\)\s*$/.test(lines[close]!)) close++;
    if (lines.slice(open, close).some((l) => /\biota\b/.test(l))) return false;
    lines[open] = lines[open]!.replace(/\bconst\b/, 'var');
  }
  return true;
}
