import { envLine } from './env-file.js';
import { meetNeeds } from './file-edits.js';
import type { NameBook } from './names.js';
import { rewriteLine } from './rewrite-line.js';
import { inCodeSource } from './rewrite-notebook.js';
import type { Fixed, FixTarget, Left, Need, TextEdit } from './types.js';

/**
 * Plan the edit of one text (a file or an index blob): every finding in it is rewritten, right to
 * left on each line, or left with its reason. Pure; names come from the shared NameBook.
 * `stale` is set when a finding's line is not what the scan saw (the file changed since).
 */
export function planText(before: string, targets: readonly FixTarget[], book: NameBook): TextEdit & { stale: boolean } {
  const lines = before.split('\n');
  const cr = before.includes('\r\n') ? '\r' : '';
  const fixed: Fixed[] = [];
  const left: Left[] = [];
  const needs = new Set<Need>();
  const changed = new Set<number>();
  let stale = false;
  const mark = book.mark();
  const byLine = new Map<number, FixTarget[]>();
  for (const t of targets) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  for (const [lineNo, list] of byLine) {
    const raw = lines[lineNo - 1];
    const ending = raw?.endsWith('\r') ? '\r' : '';
    let text = raw === undefined ? undefined : raw.slice(0, raw.length - ending.length);
    if (text === undefined || text !== list[0]!.lineText.replace(/\r$/, '')) {
      stale = true;
      continue;
    }
    // right to left, so earlier columns stay valid; one span found by two rules is one edit
    const sorted = [...list].sort((a, b) => b.column - a.column);
    let limit = Infinity;
    let last: Fixed | undefined;
    for (const t of sorted) {
      const end = t.column - 1 + t.secret.length;
      if (last && last.target.column === t.column && last.target.secret === t.secret) {
        fixed.push({ ...last, target: t });
        continue;
      }
      if (end > limit) {
        left.push({ target: t, reason: 'partial-value' });
        continue;
      }
      if (t.language === 'notebook' && !inCodeSource(lines, lineNo - 1)) {
        left.push({ target: t, reason: 'notebook' });
        continue;
      }
      const probe = rewriteLine(text, t, t.envVar);
      if (!probe.ok) {
        left.push({ target: t, reason: probe.reason });
        continue;
      }
      if (!envLine({ name: 'X', value: t.secret })) {
        left.push({ target: t, reason: 'unsafe-value' });
        continue;
      }
      const name = book.nameFor(desiredName(t, text), t.secret, t.language === 'github-actions' ? 'GITHUB_' : undefined);
      let envName = name;
      if (t.language === 'terraform') {
        envName = `TF_VAR_${name.toLowerCase()}`;
        book.claim(envName, t.secret);
      }
      const done = rewriteLine(text, t, name);
      if (!done.ok) {
        left.push({ target: t, reason: done.reason });
        continue;
      }
      text = done.text;
      for (const n of done.needs) needs.add(n);
      last = { target: t, name, envName };
      fixed.push(last);
      limit = t.column - 1;
      changed.add(lineNo - 1);
    }
    lines[lineNo - 1] = text + ending;
  }
  if (changed.size && !meetNeeds(lines, needs, changed, cr)) {
    book.rollback(mark);
    return { before, after: before, fixed: [], left: [...left, ...fixed.map((f) => ({ target: f.target, reason: 'constant' as const }))], stale };
  }
  return { before, after: lines.join('\n'), fixed, left, stale };
}

/** A password moved out of a URL or connection string is named as one: DATABASE_URL -> DATABASE_PASSWORD. */
function desiredName(t: FixTarget, line: string): string {
  const start = t.column - 1;
  const before = line.slice(0, start);
  const inUrl = /:\/\/[^\s/@:]*:$/.test(before) && line[start + t.secret.length] === '@';
  const inConn = /(?:password|pwd)=$/i.test(before);
  if (!inUrl && !inConn) return t.envVar;
  return t.envVar.replace(/_(?:URL|URI|DSN|CONNECTION_STRING|CONNECTION|CONN_STRING|CONN)$/, '_PASSWORD');
}

/**
 * Under partial staging the working tree differs from the index: a finding planned on the index
 * line moves to the working-tree line with the same text (the nearest one), or stays unfixed there.
 */
export function relocate(targets: readonly FixTarget[], indexText: string, worktreeText: string): { moved: FixTarget[]; missing: FixTarget[] } {
  const strip = (l: string) => l.replace(/\r$/, '');
  const index = indexText.split('\n').map(strip);
  const work = worktreeText.split('\n').map(strip);
  const moved: FixTarget[] = [];
  const missing: FixTarget[] = [];
  for (const t of targets) {
    const text = index[t.line - 1];
    let best = -1;
    for (let i = 0; i < work.length; i++) {
      if (work[i] === text && (best < 0 || Math.abs(i + 1 - t.line) < Math.abs(best + 1 - t.line))) best = i;
    }
    if (best < 0) missing.push(t);
    else moved.push({ ...t, line: best + 1, endLine: best + 1, lineText: work[best]! });
  }
  return { moved, missing };
}
