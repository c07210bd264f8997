import { UsageError } from '../errors.js';
import type { ScanRequest } from '../scan.js';
import type { ParsedArgs } from './options.js';
import type { Io } from './types.js';

/** Build the scan request from the options (shared with `leakguard baseline`). */
export async function scanRequestFrom(args: ParsedArgs, io: Io, forBaseline = false): Promise<ScanRequest> {
  const v = args.values;
  const env = io.env;
  let mode: ScanRequest['mode'] = 'staged';
  let paths = args.positionals;
  const request: ScanRequest = {
    mode,
    cwd: io.cwd,
    paths,
    configPath: v.config as string | undefined,
    inlineAllow: !v['no-inline-allow'],
    baseline: forBaseline || v['no-baseline'] ? false : (v.baseline as string | undefined),
    useGitignore: !v['no-gitignore'],
    maxFileSize: parseSize(v['max-file-size'] as string | undefined),
  };
  const historyFlags = ['all-commits', 'range', 'pre-push'].filter((k) => v[k] !== undefined);
  if (historyFlags.length > 1) throw new UsageError(`--${historyFlags.join(' and --')} cannot be combined; pick one history mode.`);
  if (v.staged && historyFlags.length) throw new UsageError(`--staged and --${historyFlags[0]} cannot be combined; pick one mode.`);
  if (v['pre-commit-framework']) {
    const from = env.PRE_COMMIT_FROM_REF ?? env.PRE_COMMIT_SOURCE;
    const to = env.PRE_COMMIT_TO_REF ?? env.PRE_COMMIT_ORIGIN;
    if (from && to) {
      mode = 'history';
      request.history = { kind: 'range', range: `${from}..${to}`, allOccurrences: false };
      paths = [];
    } else if (env.PRE_COMMIT_REMOTE_NAME && env.PRE_COMMIT_LOCAL_BRANCH) {
      // the first push of a branch: pre-commit sets no refs; scan what no remote has yet
      mode = 'history';
      request.history = { kind: 'unpushed', range: env.PRE_COMMIT_LOCAL_BRANCH, allOccurrences: false };
      paths = [];
    } else if (env.GIT_INDEX_FILE) {
      mode = 'staged';
    } else {
      if (paths.length === 0) throw new UsageError('the pre-commit framework passed no file names; check pass_filenames in your hook config.');
      mode = 'files';
    }
  } else if (historyFlags.length) {
    mode = 'history';
    if (paths.length) throw new UsageError(`PATH arguments cannot be combined with --${historyFlags[0]}; scan history or files, not both.`);
    if (v['all-commits']) request.history = { kind: 'all', allOccurrences: !!v['all-occurrences'] };
    else if (v.range !== undefined) {
      if (!String(v.range).trim()) throw new UsageError('--range needs a revision range, for example --range origin/main..HEAD.');
      request.history = { kind: 'range', range: String(v.range), allOccurrences: !!v['all-occurrences'] };
    } else request.history = { kind: 'pre-push', prePushInput: await io.stdin(), allOccurrences: !!v['all-occurrences'] };
  } else if (v.staged || paths.length === 0) {
    mode = forBaseline && paths.length === 0 && !v.staged ? 'files' : 'staged';
  } else {
    mode = 'files';
  }
  if (v.jobs !== undefined) {
    const jobs = Number(v.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs takes a whole number from 1 to 64, not "${String(v.jobs)}".`);
    if (!request.history) throw new UsageError('--jobs applies to history scans only; add --all-commits or --range.');
    request.history.jobs = jobs;
  }
  request.mode = mode;
  request.paths = paths;
  if (io.onLargeScan) request.onLargeScan = io.onLargeScan;
  return request;
}

function parseSize(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+)\s*([kmg]i?b?)?$/i.exec(value.trim());
  if (!m) throw new UsageError(`--max-file-size takes a number of bytes such as 20000000 or 20M, not "${value}".`);
  const unit = (m[2] ?? '').toLowerCase()[0];
  const mult = unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1;
  return Number(m[1]) * mult;
}

/** The options of `leakguard fix`. */
export function fixOptionsFrom(args: ParsedArgs): { staged: boolean; paths: string[]; dryRun: boolean; yes: boolean; configPath: string | undefined } {
  const v = args.values;
  return { staged: !!v.staged, paths: args.positionals, dryRun: !!v['dry-run'], yes: !!v.yes, configPath: v.config as string | undefined };
}
