/**
 * A unified diff of two texts (Myers' O(ND) algorithm on lines), for --dry-run and the prompt.
 * `mask` runs over every line it prints, so a secret never reaches the output. Pure.
 */
type Op = { kind: ' ' | '-' | '+'; text: string; a: number; b: number };

function script(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1]! < v[max + k + 1]!) ? v[max + k + 1]! : v[max + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) break outer;
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1]! < vd[max + k + 1]!) ? k + 1 : k - 1;
    const px = vd[max + prevK]!;
    const py = px - prevK;
    while (x > px && y > py) ops.push({ kind: ' ', text: a[--x]!, a: x, b: --y });
    if (d > 0) {
      if (x === px) ops.push({ kind: '+', text: b[--y]!, a: x, b: y });
      else ops.push({ kind: '-', text: a[--x]!, a: x, b: y });
    }
  }
  return ops.reverse();
}

function lines(text: string): string[] {
  if (text === '') return [];
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out.map((l) => l.replace(/\r$/, ''));
}

export function unifiedDiff(path: string, before: string | undefined, after: string, mask: (s: string) => string, context = 3): string {
  const ops = script(lines(before ?? ''), lines(after));
  const out = [before === undefined ? '--- /dev/null' : `--- a/${path}`, `+++ b/${path}`];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.kind === ' ') {
      i++;
      continue;
    }
    const start = Math.max(0, i - context);
    let end = i;
    // extend the hunk while the next change is within 2 * context lines
    for (;;) {
      while (end < ops.length && ops[end]!.kind !== ' ') end++;
      let next = end;
      while (next < ops.length && ops[next]!.kind === ' ') next++;
      if (next < ops.length && next - end <= 2 * context) end = next;
      else break;
    }
    const stop = Math.min(ops.length, end + context);
    const hunk = ops.slice(start, stop);
    const aStart = hunk[0]!.a;
    const bStart = hunk[0]!.b;
    const aLen = hunk.filter((o) => o.kind !== '+').length;
    const bLen = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aLen ? aStart + 1 : aStart},${aLen} +${bLen ? bStart + 1 : bStart},${bLen} @@`);
    for (const o of hunk) out.push(o.kind + mask(o.text));
    i = stop;
  }
  return `${out.join('\n')}\n`;
}
