import { readFile } from 'node:fs/promises';
import { relative, resolve, sep } from 'node:path';
import { loadRawConfig } from './config/load-config.js';
import type { Config } from './config/types.js';
import { validateConfig } from './config/validate-config.js';
import { Detector } from './detect/detect.js';
import { GENERIC_RULES } from './detect/generic.js';
import { ConfigError, InputError } from './errors.js';
import { allowlistReason, type PathMatcher } from './filters/allowlist.js';
import { baselineKey, parseBaseline, type BaselineEntry } from './filters/baseline.js';
import { inlineAllowReason } from './filters/inline-allow.js';
import { looksLikeSecretsFile } from './filters/secrets-file.js';
import { fingerprint, secretHash } from './findings/fingerprint.js';
import type { Candidate, Finding, Suppressed } from './findings/types.js';
import { compileRule } from './patterns/compile-rule.js';
import { loadBuiltinRules } from './patterns/load-patterns.js';
import type { CompiledRule } from './patterns/types.js';
import { filesSource } from './sources/files.js';
import { bareRepo, repoRoot, runGit } from './sources/git.js';
import { stagedSource } from './sources/staged.js';
import type { CommitInfo, Skip, Source } from './sources/types.js';
import { suggest } from './suggest/env-var.js';

export type ScanMode = 'staged' | 'files' | 'history';

export interface HistoryRequest {
  /** all: every commit from every ref; range: a rev range; pre-push: git's pre-push stdin; unpushed: `range` minus every remote-tracking ref. */
  kind: 'all' | 'range' | 'pre-push' | 'unpushed';
  range?: string;
  prePushInput?: string;
  allOccurrences: boolean;
  jobs?: number;
}

export interface ScanRequest {
  mode: ScanMode;
  cwd: string;
  paths: readonly string[];
  configPath?: string | undefined;
  inlineAllow: boolean;
  /** false disables the baseline; a string overrides its path. */
  baseline?: string | false | undefined;
  useGitignore: boolean;
  maxFileSize?: number | undefined;
  history?: HistoryRequest;
  onProgress?: (progress: Progress) => void;
}

export interface Progress {
  commitsDone: number;
  commitsTotal: number | undefined;
  startedAt: number;
}

/** Notices are data: the CLI's messages module turns them into sentences. */
export type Notice =
  | { code: 'code-config-ignored'; file: string }
  | { code: 'config-loaded'; file: string }
  | { code: 'baseline-loaded'; file: string; entries: number }
  | { code: 'no-commits-in-range'; range: string }
  | { code: 'unused-allowlist'; origin: string }
  | { code: 'unused-baseline-entry'; entry: BaselineEntry };

export interface ScanStats {
  mode: ScanMode;
  files: number;
  fragments: number;
  lines: number;
  bytes: number;
  commits: number;
  rules: number;
  durationMs: number;
}

export interface ScanResult {
  root: string | undefined;
  findings: Finding[];
  suppressed: Suppressed[];
  skipped: Skip[];
  notices: Notice[];
  stats: ScanStats;
  /** Findings are about history: the secret is already in commits. */
  history: boolean;
}

export interface Engine {
  root: string | undefined;
  /** The git directory when the repository is bare (no work tree, no index). */
  bare: string | undefined;
  config: Config;
  rules: CompiledRule[];
  detector: Detector;
  notices: Notice[];
}

/** Load the config and compile the rules once. */
export async function prepareEngine(request: Pick<ScanRequest, 'cwd' | 'configPath' | 'maxFileSize'>): Promise<Engine> {
  const root = await repoRoot(request.cwd);
  const bare = root ? undefined : await bareRepo(request.cwd);
  const raw = await loadRawConfig(root ?? request.cwd, request.configPath);
  const config = validateConfig(raw.config, raw.filepath);
  if (request.maxFileSize !== undefined) config.maxFileSize = request.maxFileSize;
  const notices: Notice[] = raw.ignoredCodeConfigs.map((file) => ({ code: 'code-config-ignored', file }) as const);
  if (raw.filepath) notices.push({ code: 'config-loaded', file: raw.filepath });
  const builtin = loadBuiltinRules();
  const ids = new Set(builtin.map((r) => r.id));
  const known = new Set([...ids, ...GENERIC_RULES.map((r) => r.id)]);
  const custom = config.rules.map((r, i) => {
    const rule = compileRule(r, { origin: `${raw.filepath ?? 'config'} rules[${i}]`, builtin: false });
    if (ids.has(rule.id)) throw new ConfigError(`${raw.filepath}: rules[${i}] reuses the built-in rule id "${rule.id}"; give your rule its own id (built-in rules are extended, never replaced).`);
    known.add(rule.id);
    return rule;
  });
  for (const id of config.disabledRules) {
    if (!known.has(id)) throw new ConfigError(`${raw.filepath}: disabledRules names "${id}", which is not a rule; run \`leakguard rules\` to list the ids.`);
  }
  const disabled = new Set(config.disabledRules);
  const rules = [...builtin, ...custom].filter((r) => !disabled.has(r.id));
  const genericOn = GENERIC_RULES.some((r) => !disabled.has(r.id));
  const detector = new Detector({ rules, entropy: genericOn ? config.entropy : undefined, disabledGeneric: disabled });
  return { root, bare, config, rules, detector, notices };
}

async function loadBaseline(request: ScanRequest, engine: Engine): Promise<Map<string, BaselineEntry> | undefined> {
  if (request.baseline === false) return undefined;
  const base = engine.root ?? request.cwd;
  const path = request.baseline ? resolve(request.cwd, request.baseline) : resolve(base, engine.config.baseline ?? '.leakguard-baseline.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !request.baseline) return undefined;
    throw new InputError(`The baseline ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check --baseline or create it with \`leakguard baseline\`.`);
  }
  try {
    const baseline = parseBaseline(text);
    engine.notices.push({ code: 'baseline-loaded', file: path, entries: baseline.entries.length });
    return new Map(baseline.entries.map((e) => [baselineKey(e), e]));
  } catch (error) {
    throw new InputError(`The baseline ${path} is not valid (${(error as Error).message}); regenerate it with \`leakguard baseline\`.`);
  }
}

async function loadIgnoreFile(root: string | undefined): Promise<((path: string) => boolean) | undefined> {
  if (!root) return undefined;
  let text: string;
  try {
    text = await readFile(resolve(root, '.leakguardignore'), 'utf8');
  } catch {
    return undefined;
  }
  const { default: ignore } = await import('ignore');
  const matcher = ignore().add(text);
  return (path: string) => matcher.ignores(path);
}

async function pathMatcher(): Promise<PathMatcher> {
  const { default: micromatch } = await import('micromatch');
  return (path, globs) => micromatch.isMatch(path, globs as string[], { dot: true });
}

function sourceFor(request: ScanRequest, engine: Engine): Promise<Source> | Source {
  const maxFileSize = engine.config.maxFileSize;
  if (request.mode === 'staged') {
    if (engine.bare) throw new InputError('--staged needs a working tree, and this is a bare repository with no index; run it in a clone with a working tree, or scan history with --all-commits.');
    if (!engine.root) throw new InputError('--staged needs a git repository, and this folder is not in one; run leakguard inside the repository or pass PATHs to scan files.');
    // PATHs are relative to the working directory (lint-staged passes absolute ones); git wants them from the root
    const paths = request.paths.map((p) => relative(engine.root!, resolve(request.cwd, p)).split(sep).join('/'));
    return stagedSource({ root: engine.root, paths, maxFileSize });
  }
  if (request.mode === 'history') {
    const root = engine.root ?? engine.bare;
    if (!root) throw new InputError('History scans need a git repository, and this folder is not in one; run leakguard inside the repository.');
    return import('./sources/history.js').then((m) => m.historySource({ root, request: request.history!, maxFileSize, notices: engine.notices, onProgress: request.onProgress }));
  }
  return filesSource({ cwd: request.cwd, paths: request.paths.length ? request.paths : ['.'], useGitignore: request.useGitignore, maxFileSize });
}

/** Files .gitignore excludes among the given ones (git check-ignore --no-index). */
async function gitIgnored(root: string, files: readonly string[]): Promise<Set<string>> {
  if (!files.length) return new Set();
  const result = await runGit(['check-ignore', '--no-index', '--stdin', '-z'], root, files.join('\0') + '\0');
  return new Set(result.stdout.split('\0').filter(Boolean));
}

/** Run a whole scan: source -> fragments -> detectors -> filters -> findings. Never prints. */
export async function scan(request: ScanRequest, prepared?: Engine): Promise<ScanResult> {
  const started = performance.now();
  const engine = prepared ?? (await prepareEngine(request));
  const { config, detector } = engine;
  const baseline = await loadBaseline(request, engine);
  const ignored = await loadIgnoreFile(engine.root);
  const matchPath = config.allowlists.some((l) => l.paths.length) ? await pathMatcher() : () => false;
  const ruleById = new Map(engine.rules.map((r) => [r.id, r]));
  const candidates: Candidate[] = [];
  const skipped: Skip[] = [];
  const seenFiles = new Map<string, CommitInfo | undefined>();
  const stats: ScanStats = { mode: request.mode, files: 0, fragments: 0, lines: 0, bytes: 0, commits: 0, rules: engine.rules.length + 4, durationMs: 0 };
  const commits = new Set<string>();
  const source = await sourceFor(request, engine);
  for await (const item of source) {
    if (ignored?.(item.file)) continue;
    if (item.type === 'file') {
      stats.files++;
      if (!seenFiles.has(item.file)) seenFiles.set(item.file, item.commit);
      continue;
    }
    if (item.type === 'skip') {
      skipped.push(item);
      continue;
    }
    if (item.commit) commits.add(item.commit.sha);
    stats.fragments++;
    stats.bytes += item.text.length;
    stats.lines += countLines(item.text);
    for (const c of detector.detect(item)) candidates.push(c);
  }
  stats.commits = commits.size;

  // .gitignore'd secrets files being committed anyway (staged mode, where git add -f is the case)
  // only files that matter are asked about: secrets files by name, and files with findings
  const withFindings = new Set(candidates.map((c) => c.file));
  const askGit = [...seenFiles.keys()].filter((f) => looksLikeSecretsFile(f) || withFindings.has(f));
  const ignoredByGit = engine.root && request.mode === 'staged' ? await gitIgnored(engine.root, askGit) : new Set<string>();
  for (const file of ignoredByGit) {
    if (!looksLikeSecretsFile(file)) continue;
    candidates.push({ ruleId: 'gitignored-secrets-file', file, line: 1, column: 1, endLine: 1, endColumn: 1, secret: file, lineText: '', previousLineText: undefined, kind: 'ignored-secrets-file' });
  }

  if (request.inlineAllow) await fillPreviousLines(candidates, request, engine.root ?? engine.bare);

  const envFileIgnored = engine.root && candidates.length ? (await gitIgnored(engine.root, ['.env'])).has('.env') : undefined;
  const findings: Finding[] = [];
  const suppressed: Suppressed[] = [];
  const usedAllowlists = new Set<string>();
  const usedBaseline = new Set<string>();
  const reported = new Set<string>();
  for (const c of candidates) {
    const finding = toFinding(c, ruleById.get(c.ruleId), envFileIgnored, ignoredByGit.has(c.file));
    if (request.mode === 'history' && !request.history?.allOccurrences) {
      // the same secret in the same file is reported once, at the first (oldest) commit that added it
      const key = `${finding.fingerprint}`;
      if (reported.has(key)) continue;
      reported.add(key);
    }
    const inline = request.inlineAllow ? inlineAllowReason(c) : undefined;
    const listed = inline ? undefined : allowlistReason(c, config.allowlists, matchPath);
    const baselined = inline || listed || !baseline ? undefined : baseline.get(baselineKey({ ruleId: c.ruleId, file: c.file, secretHash: finding.secretHash }));
    const reason = inline ?? listed ?? (baselined ? 'baseline' : undefined);
    if (listed) usedAllowlists.add(listed.replace(/\.(paths|regexes|values).*$/, ''));
    if (baselined) usedBaseline.add(baselineKey(baselined));
    if (reason) suppressed.push({ finding, reason });
    else findings.push(finding);
  }
  for (const list of config.allowlists) if (!usedAllowlists.has(list.origin)) engine.notices.push({ code: 'unused-allowlist', origin: list.origin });
  if (baseline) for (const [key, entry] of baseline) if (!usedBaseline.has(key)) engine.notices.push({ code: 'unused-baseline-entry', entry });

  stats.durationMs = Math.round(performance.now() - started);
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

/**
 * A `leakguard:allow-next-line` directive may sit on a line that was not added (it was already
 * there). For the few candidates whose previous line is outside their fragment, read it from the
 * committed or staged blob, or from disk.
 */
async function fillPreviousLines(candidates: Candidate[], request: ScanRequest, root: string | undefined): Promise<void> {
  const missing = candidates.filter((c) => c.previousLineText === undefined && c.line > 1 && c.kind === 'secret');
  const cache = new Map<string, string[] | undefined>();
  for (const c of missing) {
    const spec = request.mode === 'staged' ? `:${c.file}` : c.commit ? `${c.commit.sha}:${c.file}` : undefined;
    const key = spec ?? c.file;
    if (!cache.has(key)) {
      let text: string | undefined;
      if (spec && root) {
        const r = await runGit(['cat-file', 'blob', spec], root);
        text = r.code === 0 ? r.stdout : undefined;
      } else {
        text = await readFile(resolve(request.cwd, c.file), 'utf8').catch(() => undefined);
      }
      cache.set(key, text?.split('\n'));
    }
    const previous = cache.get(key)?.[c.line - 2];
    if (previous !== undefined) c.previousLineText = previous.replace(/\r$/, '');
  }
}

function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function toFinding(c: Candidate, rule: CompiledRule | undefined, envFileIgnored: boolean | undefined, gitignored: boolean): Finding {
  const generic = GENERIC_RULES.find((g) => g.id === c.ruleId);
  const hash = secretHash(c.secret);
  const description =
    c.kind === 'ignored-secrets-file'
      ? 'Secrets file that .gitignore excludes is being committed'
      : (rule?.description ?? generic?.description ?? c.ruleId) + (gitignored ? ' (in a file that .gitignore excludes)' : '');
  return {
    ...c,
    description,
    provider: rule?.provider ?? 'generic',
    category: c.kind === 'ignored-secrets-file' ? 'credential-file' : (rule?.category ?? 'generic'),
    revokeUrl: rule?.revokeUrl,
    fingerprint: fingerprint(c.ruleId, c.file, c.secret),
    secretHash: hash,
    suggestion: suggest({
      file: c.file,
      ruleEnvVar: rule?.envVar ?? generic?.envVar ?? 'SECRET',
      keyName: c.keyName,
      generic: !rule,
      envFileIgnored,
    }),
    gitignored,
  };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}
