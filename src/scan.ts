import { relative, resolve, sep } from 'node:path';
import { InputError } from './errors.js';
import type { BaselineEntry } from './filters/baseline.js';
import { Suppressor } from './filters/index.js';
import { loadBaseline, loadIgnoreFile, loadPathMatcher } from './filters/loaders.js';
import { looksLikeSecretsFile } from './filters/secrets-file.js';
import type { Candidate, DetectNotice } from './detect/types.js';
import { buildFinding, sortFindings } from './findings/build-finding.js';
import type { Finding, Suppressed } from './findings/types.js';
import type { ScanResult, ScanStats } from './reporters/types.js';
import { prepareEngine, type Engine } from './scan/prepare-engine.js';
import { LARGE_SCAN_BYTES, type ScanRequest } from './scan/types.js';
import { putOldestFirst } from './scan/commit-order.js';
import { checkIgnored } from './sources/git.js';
import { stagedSource } from './sources/staged.js';
import type { Progress, Skip, Source, SourceItem } from './sources/types.js';

export type { Notice, ScanResult, ScanStats } from './reporters/types.js';
export type { HistoryRequest, Progress, ScanMode } from './sources/types.js';
export { prepareEngine, type Engine } from './scan/prepare-engine.js';
export type { ScanRequest } from './scan/types.js';

async function baselineFor(request: ScanRequest, engine: Engine): Promise<Map<string, BaselineEntry> | undefined> {
  if (request.baseline === false) return undefined;
  const path = request.baseline
    ? resolve(request.cwd, request.baseline)
    : resolve(engine.root ?? request.cwd, engine.config.baseline ?? '.leakguard-baseline.json');
  const baseline = await loadBaseline(path, !!request.baseline);
  if (baseline) engine.notices.push({ code: 'baseline-loaded', file: path, entries: baseline.size });
  return baseline;
}

/** What a source reports about itself while it runs (commits read, for history scans). */
interface SourceCounters {
  commits: number;
}

/** A scan's items: one at a time, or (history) in batches, with no async step per item. */
type Items = { items: Source } | { batches: AsyncIterable<readonly SourceItem[]> };

function sourceFor(request: ScanRequest, engine: Engine, counters: SourceCounters): Promise<Items> | Items {
  const maxFileSize = engine.config.maxFileSize;
  if (request.mode === 'staged') {
    if (engine.bare) throw new InputError('--staged needs a working tree, and this is a bare repository with no index; run it in a clone with a working tree, or scan history with --all-commits.');
    if (!engine.root) throw new InputError('--staged needs a git repository, and this folder is not in one; run leakguard inside the repository or pass PATHs to scan files.');
    // PATHs are relative to the working directory (lint-staged passes absolute ones); git wants them from the root
    const paths = request.paths.map((p) => relative(engine.root!, resolve(request.cwd, p)).split(sep).join('/'));
    return { items: stagedSource({ root: engine.root, paths, maxFileSize }) };
  }
  if (request.mode === 'history') {
    const root = engine.root ?? engine.bare;
    if (!root) throw new InputError('History scans need a git repository, and this folder is not in one; run leakguard inside the repository.');
    const onProgress = (p: Progress) => {
      counters.commits = p.commitsDone;
      request.onProgress?.(p);
    };
    return Promise.all([import('./sources/history.js'), import('./sources/binary-text.js')]).then(([m, b]) => ({
      batches: b.rescueHistoryBatches(m.historyBatches({ root, request: request.history!, maxFileSize, notices: engine.notices, onProgress }), { root, maxFileSize }),
    }));
  }
  return import('./sources/files.js').then((m) => ({ items: m.filesSource({ cwd: request.cwd, paths: request.paths.length ? request.paths : ['.'], useGitignore: request.useGitignore, maxFileSize }) }));
}

/** Run a whole scan: source -> fragments -> detectors -> filters -> findings. Never prints. */
export async function scan(request: ScanRequest, prepared?: Engine): Promise<ScanResult> {
  // Date, not performance: the performance global loads perf_hooks, a millisecond of the hook
  const started = Date.now();
  const engine = prepared ?? (await prepareEngine(request));
  const { config, detector } = engine;
  const suppressor = new Suppressor({
    inlineAllow: request.inlineAllow,
    allowlists: config.allowlists,
    matchPath: config.allowlists.some((l) => l.paths.length) ? await loadPathMatcher() : () => false,
    baseline: await baselineFor(request, engine),
  });
  const ignored = await loadIgnoreFile(engine.root);
  const ruleById = new Map(engine.rules.map((r) => [r.id, r]));
  const candidates: Candidate[] = [];
  // matches a rule's validator turned down (checksum, structure), said in --verbose
  const rejected: DetectNotice[] = [];
  // the history positions of the commits the rejections are in (notices name only the sha)
  const rejectedAt = new Map<string, number>();
  const skipped: Skip[] = [];
  // the files a staged scan read, for git check-ignore (a history scan, which reads every path
  // of every commit, does not ask and does not keep them)
  const seenFiles = new Set<string>();
  const keepFiles = request.mode === 'staged';
  const stats: ScanStats = { mode: request.mode, files: 0, fragments: 0, lines: 0, bytes: 0, commits: 0, rules: engine.rules.length + 4, durationMs: 0 };
  const counters: SourceCounters = { commits: 0 };
  let onLargeScan = request.onLargeScan;
  const take = (item: SourceItem): void => {
    if (ignored?.(item.file)) return;
    if (item.type === 'file') {
      stats.files++;
      if (keepFiles) seenFiles.add(item.file);
      return;
    }
    if (item.type === 'skip') {
      skipped.push(item);
      return;
    }
    stats.fragments++;
    stats.bytes += item.text.length;
    if (onLargeScan && stats.bytes > LARGE_SCAN_BYTES) {
      onLargeScan();
      onLargeScan = undefined;
    }
    stats.lines += countLines(item.text);
    const before = rejected.length;
    const found = detector.detect(item, rejected);
    for (let k = 0; k < found.length; k++) candidates.push(found[k]!);
    if (rejected.length > before && item.commit?.position !== undefined) rejectedAt.set(item.commit.sha, item.commit.position);
  };
  const source = await sourceFor(request, engine, counters);
  if ('batches' in source) for await (const batch of source.batches) for (const item of batch) take(item);
  else for await (const item of source.items) take(item);
  // every commit read counts, also those that only deleted files or changed binaries
  stats.commits = counters.commits;
  // history comes in no set order: its results go in commit order, oldest first
  if (request.mode === 'history') {
    putOldestFirst(candidates, (c) => c.commit?.position);
    putOldestFirst(skipped, (s) => s.commit?.position);
    putOldestFirst(rejected, (r) => (r.commit === undefined ? undefined : rejectedAt.get(r.commit)));
  }

  // .gitignore'd secrets files being committed anyway (staged mode, where git add -f is the case)
  // only files that matter are asked about: secrets files by name, and files with findings
  const withFindings = new Set(candidates.map((c) => c.file));
  const askGit = [...seenFiles].filter((f) => looksLikeSecretsFile(f) || withFindings.has(f));
  // one git check-ignore for these and for .env (whether the fix's .env would be ignored)
  const asked = engine.root && request.mode === 'staged' && askGit.length ? await checkIgnored(engine.root, [...new Set([...askGit, '.env'])]) : undefined;
  const ignoredByGit = new Set(askGit.filter((f) => asked?.has(f)));
  for (const file of ignoredByGit) {
    if (!looksLikeSecretsFile(file)) continue;
    candidates.push({ ruleId: 'gitignored-secrets-file', file, line: 1, column: 1, endLine: 1, endColumn: 1, secret: file, lineText: '', previousLineText: undefined, kind: 'ignored-secrets-file' });
  }

  if (request.inlineAllow && candidates.length) {
    const { fillPreviousLines } = await import('./sources/previous-lines.js');
    await fillPreviousLines(candidates, { staged: request.mode === 'staged', cwd: request.cwd, gitDir: engine.root ?? engine.bare });
  }

  const envFileIgnored = engine.root && candidates.length ? (asked ?? (await checkIgnored(engine.root, ['.env']))).has('.env') : undefined;
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const reported = new Set<string>();
  for (const c of candidates) {
    const finding = buildFinding(c, ruleById.get(c.ruleId), { envFileIgnored, gitignored: ignoredByGit.has(c.file) });
    if (request.mode === 'history' && !request.history?.allOccurrences) {
      // the same secret in the same file is reported once, at the first (oldest) commit that added it
      const key = `${finding.fingerprint}`;
      if (reported.has(key)) continue;
      reported.add(key);
    }
    const reason = suppressor.reason(c, finding.secretHash);
    if (reason) suppressed.push({ finding, reason });
    else findings.push(finding);
  }
  engine.notices.push(...rejected, ...suppressor.unused());

  stats.durationMs = Date.now() - started;
  return {
    root: engine.root,
    findings: sortFindings(findings),
    suppressed,
    skipped,
    notices: engine.notices,
    stats,
    history: request.mode === 'history',
  };
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
