import { relative, resolve, sep } from 'node:path';
import type { Config } from '../config/types.js';
import { InputError } from '../errors.js';
import type { Finding } from '../findings/types.js';
import { prepareEngine, scan, type ScanRequest } from '../scan.js';
import { checkIgnored, git } from '../sources/git.js';
import { parseEnv } from './env-file.js';
import { decode, isSymlink, readIndexEntry, readText, type IndexEntry } from './io.js';
import { NameBook } from './names.js';
import { planText, relocate } from './plan.js';
import { fixTarget } from './rewrite-line.js';
import { exampleFor, type StoreInput } from './store.js';
import type { Fixed, FixTarget, Left } from './types.js';

/**
 * `leakguard fix`, planning half: scan (the same pipeline as `leakguard scan`), then plan every
 * file's edit. Nothing is written here; src/fix/apply.ts writes what the user accepts.
 */
export interface FixRequest {
  cwd: string;
  staged: boolean;
  paths: readonly string[];
  configPath?: string | undefined;
}

export interface FilePlan {
  /** The path as the finding names it. */
  file: string;
  abs: string;
  /** Repository-relative, with / separators. */
  rel: string;
  worktree?: { before: string; after: string };
  index?: { entry: IndexEntry; after: string };
  fixed: Fixed[];
  left: Left[];
  /** Fixed in the index, but the working tree's line differs: fixed there by hand. */
  worktreeLeft: FixTarget[];
}

export interface FixPlan {
  root: string;
  repo: boolean;
  findings: Finding[];
  files: FilePlan[];
  store: StoreInput;
}

export async function planFix(request: FixRequest): Promise<FixPlan> {
  const scanRequest: ScanRequest = { mode: request.staged ? 'staged' : 'files', cwd: request.cwd, paths: request.paths, configPath: request.configPath, inlineAllow: true, useGitignore: true };
  const engine = await prepareEngine(scanRequest);
  const result = await scan(scanRequest, engine);
  const repo = result.root !== undefined;
  const root = result.root ?? request.cwd;
  const envRel = toRel(root, resolve(root, envFileOf(engine.config)));
  if (repo && (await git(['ls-files', '--', envRel], root)).trim()) {
    throw new InputError(`${envRel} is tracked by git, so writing secrets to it would commit them; run \`git rm --cached ${envRel}\` and add it to .gitignore, then run leakguard fix again.`);
  }
  const envAbs = resolve(root, envRel);
  const store: StoreInput = {
    envPath: envRel,
    envBefore: await readUtf8(envAbs),
    exampleBefore: await readUtf8(resolve(root, exampleFor(envRel))),
    gitignoreBefore: await readUtf8(resolve(root, '.gitignore')),
    envIgnored: repo ? (await checkIgnored(root, [envRel])).has(envRel) : undefined,
  };
  const book = new NameBook(parseEnv(store.envBefore ?? ''));
  const byFile = new Map<string, FixTarget[]>();
  for (const f of result.findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), fixTarget(f)]);
  const files: FilePlan[] = [];
  for (const [file, targets] of byFile) {
    const abs = request.staged ? resolve(root, file) : resolve(request.cwd, file);
    const plan: FilePlan = { file, abs, rel: toRel(root, abs), fixed: [], left: [], worktreeLeft: [] };
    files.push(plan);
    const leaveAll = (reason: Left['reason']) => plan.left.push(...targets.map((target) => ({ target, reason })));
    if (targets.every((t) => t.kind !== 'secret')) {
      leaveAll('ignored-file');
      continue;
    }
    if (await isSymlink(abs)) {
      leaveAll('symlink');
      continue;
    }
    const work = decodeOrUndefined(await readText(abs));
    if (request.staged) {
      const entry = await readIndexEntry(root, plan.rel);
      if (!entry) throw new InputError(`${plan.rel} is no longer staged, so it changed since leakguard scanned it; run leakguard fix again.`);
      if (entry.text === undefined) {
        leaveAll('not-utf8');
        continue;
      }
      const edit = planText(entry.text, targets, book);
      if (edit.stale) throw new InputError(`${plan.rel} changed in the index since leakguard scanned it, so nothing was written; run leakguard fix --staged again.`);
      Object.assign(plan, { fixed: edit.fixed, left: edit.left });
      if (edit.after !== entry.text) plan.index = { entry: { mode: entry.mode, sha: entry.sha, text: entry.text }, after: edit.after };
      if (work === undefined) plan.worktreeLeft = edit.fixed.map((f) => f.target);
      else if (work === entry.text) {
        if (plan.index) plan.worktree = { before: work, after: edit.after };
      } else {
        // partial staging: the same edit, on the working-tree lines that read as the staged ones
        const { moved, missing } = relocate(edit.fixed.map((f) => f.target), entry.text, work);
        const wt = planText(work, moved, book);
        plan.worktreeLeft = [...missing, ...wt.left.map((l) => l.target)];
        if (wt.after !== work) plan.worktree = { before: work, after: wt.after };
      }
      continue;
    }
    if (work === undefined) {
      leaveAll('not-utf8');
      continue;
    }
    const edit = planText(work, targets, book);
    if (edit.stale) throw new InputError(`${file} changed since leakguard scanned it, so nothing was written; run leakguard fix again.`);
    Object.assign(plan, { fixed: edit.fixed, left: edit.left });
    if (edit.after !== work) plan.worktree = { before: work, after: edit.after };
  }
  return { root, repo, findings: result.findings, files, store };
}

function envFileOf(config: Config): string {
  return config.envFile ?? '.env';
}

function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

function decodeOrUndefined(bytes: Buffer | undefined): string | undefined {
  return bytes === undefined ? undefined : decode(bytes);
}

async function readUtf8(path: string): Promise<string | undefined> {
  const bytes = await readText(path);
  return bytes === undefined ? undefined : bytes.toString('utf8');
}
