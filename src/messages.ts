import type { Notice, ScanResult } from './reporters/types.js';
import type { Skip } from './sources/types.js';

/** Every user-facing sentence outside the reporters. Each one ends with the next step. */

export function noticeText(n: Notice): string {
  switch (n.code) {
    case 'code-config-ignored':
      return `${n.file} is present but was not loaded: leakguard never runs code from a scanned repository; pass --config ${n.file} if you trust it.`;
    case 'config-loaded':
      return `Loaded config from ${n.file}.`;
    case 'baseline-loaded':
      return `Applied baseline ${n.file} (${n.entries} entr${n.entries === 1 ? 'y' : 'ies'}); run \`leakguard baseline --prune\` to drop stale ones.`;
    case 'no-commits-in-range':
      return `The range ${n.range} holds no commits, so there was nothing to scan; check the range if you expected commits.`;
    case 'unused-allowlist':
      return `Config ${n.origin} suppressed nothing in this scan; remove it if it is no longer needed.`;
    case 'unused-baseline-entry':
      return `Baseline entry ${n.entry.ruleId} in ${n.entry.file} matched nothing in this scan; \`leakguard baseline --prune\` removes entries that match nothing.`;
  }
}

/** Notices worth showing without --verbose. */
export function isImportant(n: Notice): boolean {
  return n.code === 'no-commits-in-range';
}

export function skipText(s: Skip): string {
  const where = s.commit ? `${s.file} (commit ${s.commit.sha.slice(0, 12)})` : s.file;
  switch (s.reason) {
    case 'too-large':
      return `Skipped ${where}: ${s.detail ?? 'too large'}; rerun with --max-file-size to scan it.`;
    case 'unreadable':
      return `Could not read ${where} (${s.detail ?? 'error'}); fix its permissions and run leakguard again.`;
    case 'binary':
      return `Skipped ${where}: binary file.`;
    case 'submodule':
      return `Skipped ${where}: submodule (scan it in its own repository).`;
    case 'symlink':
      return `Skipped ${where}: symbolic link.`;
    case 'ignored':
      return `Nothing under ${where} was scanned: git ignores or does not list it; pass --no-gitignore to scan it anyway.`;
    default:
      return `Skipped ${where}: ${s.reason}.`;
  }
}

export function summaryText(result: ScanResult, suppressedListed = false): string {
  const s = result.stats;
  const what =
    s.mode === 'staged'
      ? `${s.files} staged file${s.files === 1 ? '' : 's'}`
      : s.mode === 'history'
        ? `${s.commits} commit${s.commits === 1 ? '' : 's'}`
        : `${s.files} file${s.files === 1 ? '' : 's'}`;
  const large = result.skipped.filter((k) => k.reason === 'too-large').length;
  const tail = large ? `; ${large} file${large === 1 ? ' was' : 's were'} skipped as too large (see above)` : '';
  const suppressed = result.suppressed.length ? `; ${result.suppressed.length} suppressed${suppressedListed ? ' (listed above)' : ' (--show-suppressed lists them)'}` : '';
  if (result.findings.length === 0) {
    if (large) return `leakguard: no secrets in the scanned parts of ${what}${tail}${suppressed}.`;
    return `leakguard: no secrets in ${what} (${s.lines} lines, ${s.durationMs} ms)${suppressed}.`;
  }
  const n = result.findings.length;
  return `leakguard: found ${n} secret${n === 1 ? '' : 's'} in ${what}${suppressed}${tail}. Fix ${n === 1 ? 'it' : 'them'} as shown above, then try again.`;
}

/** An error inside a hook blocks the commit or push: the same sentence, plus the deliberate way past it. */
export function hookFailureText(message: string, push: boolean): string {
  const skip = push ? 'git push --no-verify' : 'git commit --no-verify';
  return `${message.replace(/\.$/, '')}; to go ahead without the check this once, use \`${skip}\` (it skips every other hook too).`;
}

export function crashText(version: string, error: unknown): string {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `leakguard ${version} crashed: this is a bug in leakguard, not in your repository; please report it with the lines below.\n${detail}`;
}
