#!/usr/bin/env node
// Build a synthetic git repository of realistic shape with `git fast-import`, for the history
// benchmark when no real clone is at hand. Deterministic (seeded), no network.
//
//   node bench/make-repo.mjs <dir> [--commits 5000] [--seed 1]
//
// Content is real code: lines taken from the JavaScript, TypeScript and Markdown files under
// node_modules. Each commit edits 1-6 files (replace a random run of lines with another run,
// the shape of real diffs), sometimes adds, deletes or renames a file; every ~40 commits a
// topic branch of 2-6 commits is merged back (some merges also change a line themselves, as a
// conflict resolution does); a few tags and one orphan branch are added. No secrets are written.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--'));
if (!dir) {
  console.error('usage: node bench/make-repo.mjs <dir> [--commits 5000] [--seed 1]');
  process.exit(2);
}
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const COMMITS = opt('commits', 5000);
let seed = opt('seed', 1) >>> 0 || 1;
const rand = () => {
  // xorshift32
  seed ^= seed << 13;
  seed >>>= 0;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  seed >>>= 0;
  return seed / 0x100000000;
};
const int = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = (list) => list[Math.floor(rand() * list.length)];

// ---- corpus: lines of real code from node_modules ----
const root = resolve(fileURLToPath(new URL('..', import.meta.url)), 'node_modules');
const corpus = [];
let corpusBytes = 0;
function walk(d, depth) {
  if (corpusBytes > 40e6 || depth > 6) return;
  let entries;
  try {
    entries = readdirSync(d, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p, depth + 1);
    else if (/\.(m?js|ts|md|json)$/.test(e.name) && !/\.min\./.test(e.name)) {
      const size = statSync(p).size;
      if (size > 3e6 || size < 200) continue;
      const lines = readFileSync(p, 'utf8').split('\n').filter((l) => l.length < 200);
      corpus.push(lines);
      corpusBytes += size;
    }
  }
}
walk(root, 0);
if (!corpus.length) throw new Error(`no corpus under ${root}; run npm install first`);
const snippet = (n) => {
  const src = pick(corpus);
  const at = int(0, Math.max(0, src.length - n));
  return src.slice(at, at + n);
};

// ---- the tree model ----
const exts = ['js', 'ts', 'md', 'json', 'py', 'rb', 'go'];
const dirs = ['src', 'src/lib', 'src/util', 'lib', 'test', 'docs', 'app/models', 'app/controllers', 'config', 'packages/core/src'];
let fileSeq = 0;
const newPath = () => `${pick(dirs)}/file_${(fileSeq++).toString(36)}.${pick(exts)}`;

function editLines(lines) {
  const out = lines.slice();
  const edits = int(1, 3);
  for (let i = 0; i < edits; i++) {
    const at = int(0, out.length);
    const del = Math.min(out.length - at, int(0, 12));
    const ins = rand() < 0.15 ? 0 : int(1, 30);
    out.splice(at, del, ...snippet(ins));
  }
  return out;
}

// ---- fast-import stream ----
mkdirSync(dir, { recursive: true });
const git = (...a) =>
  new Promise((res, rej) => {
    const c = spawn('git', a, { cwd: dir, stdio: 'inherit' });
    c.on('close', (code) => (code === 0 ? res() : rej(new Error(`git ${a.join(' ')} failed`))));
  });
await git('init', '-q', '-b', 'main');
const fi = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: dir, stdio: ['pipe', 'inherit', 'inherit'] });
const done = new Promise((res, rej) => fi.on('close', (code) => (code === 0 ? res() : rej(new Error('fast-import failed')))));
const chunks = [];
let pending = 0;
async function out(s) {
  chunks.push(s);
  pending += s.length;
  if (pending > 1 << 20) await flush();
}
function flush() {
  const data = chunks.join('');
  chunks.length = 0;
  pending = 0;
  return new Promise((res) => (fi.stdin.write(data) ? res() : fi.stdin.once('drain', res)));
}
const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`;

let mark = 0;
let time = 1_500_000_000;
const people = Array.from({ length: 40 }, (_, i) => `Dev ${i} <dev${i}@example.test>`);
async function commit(ref, parents, changes, message) {
  const m = ++mark;
  time += int(60, 20000);
  const who = pick(people);
  let s = `commit ${ref}\nmark :${m}\nauthor ${who} ${time} +0000\ncommitter ${who} ${time} +0000\n${data(message)}`;
  if (parents[0]) s += `from :${parents[0]}\n`;
  for (const p of parents.slice(1)) s += `merge :${p}\n`;
  for (const c of changes) {
    if (c.op === 'D') s += `D ${c.path}\n`;
    else if (c.op === 'R') s += `R ${c.from} ${c.path}\n`;
    else s += `M 100644 inline ${c.path}\n${data(c.lines.join('\n') + '\n')}`;
  }
  await out(s + '\n');
  return m;
}

// a tree: path -> lines
const tree = new Map();
function randomChanges(t, n) {
  const changes = [];
  const paths = [...t.keys()];
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.06 || paths.length < 20) {
      const p = newPath();
      const lines = snippet(int(20, 400));
      t.set(p, lines);
      changes.push({ op: 'M', path: p, lines });
    } else if (r < 0.08 && paths.length > 50) {
      const p = pick(paths);
      if (!t.has(p)) continue;
      t.delete(p);
      changes.push({ op: 'D', path: p });
    } else if (r < 0.1) {
      const p = pick(paths);
      if (!t.has(p)) continue;
      const q = newPath();
      t.set(q, t.get(p));
      t.delete(p);
      changes.push({ op: 'R', from: p, path: q });
    } else {
      const p = pick(paths);
      if (!t.has(p)) continue;
      const lines = editLines(t.get(p));
      t.set(p, lines);
      changes.push({ op: 'M', path: p, lines });
    }
  }
  return changes;
}

// initial import: a few hundred files
const initial = [];
for (let i = 0; i < 300; i++) {
  const p = newPath();
  const lines = snippet(int(50, 600));
  tree.set(p, lines);
  initial.push({ op: 'M', path: p, lines });
}
let head = await commit('refs/heads/main', [], initial, 'Initial import\n');
let made = 1;
let topic = 0;
while (made < COMMITS) {
  if (made % 40 === 0 && made + 8 < COMMITS) {
    // a topic branch, merged back with --no-ff; main moves on meanwhile
    const ref = `refs/heads/topic-${topic++}`;
    const branchTree = new Map(tree);
    let tip = head;
    const touched = new Set();
    for (let k = int(2, 6); k > 0; k--) {
      const ch = randomChanges(branchTree, int(1, 3));
      for (const c of ch) touched.add(c.path);
      tip = await commit(ref, [tip], ch, `Topic ${topic}: ${pick(snippet(1)) ?? 'work'}\n`.replace(/\n.*\n$/, '\n'));
      made++;
    }
    const mainChanges = randomChanges(tree, 1).filter((c) => !touched.has(c.path) && !(c.from && touched.has(c.from)));
    head = await commit('refs/heads/main', [head], mainChanges, 'Work on main\n');
    made++;
    // merge: take the branch's version of what it touched (no conflicts by construction)
    const mergeChanges = [];
    for (const p of touched) {
      if (branchTree.has(p)) {
        tree.set(p, branchTree.get(p));
        mergeChanges.push({ op: 'M', path: p, lines: branchTree.get(p) });
      } else if (tree.has(p)) {
        tree.delete(p);
        mergeChanges.push({ op: 'D', path: p });
      }
    }
    if (rand() < 0.3 && mergeChanges.length && mergeChanges[0].op === 'M') {
      // a resolution that changes a line of its own
      const c = mergeChanges[0];
      c.lines = editLines(c.lines);
      tree.set(c.path, c.lines);
    }
    head = await commit('refs/heads/main', [head, tip], mergeChanges, `Merge branch 'topic-${topic}'\n`);
    made++;
    if (topic % 10 === 0) await out(`reset refs/tags/v${topic / 10}.0\nfrom :${head}\n\n`);
    continue;
  }
  head = await commit('refs/heads/main', [head], randomChanges(tree, int(1, 6)), `${(pick(snippet(1)) ?? 'change').trim().slice(0, 60) || 'change'}\n`);
  made++;
}
// an orphan branch (e.g. gh-pages)
await commit('refs/heads/gh-pages', [], [{ op: 'M', path: 'index.html', lines: snippet(100) }], 'Pages\n');
await out('done\n');
await flush();
fi.stdin.end();
await done;
await git('reset', '-q', '--hard', 'main');
await git('gc', '-q');
console.error(`made ${made + 1} commits in ${dir}`);
