import type { FixReason } from './fix/types.js';
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
    case 'validator-rejected':
      return `Rule ${n.ruleId} turned down a candidate at ${n.file}:${n.line}${n.commit ? ` (commit ${n.commit.slice(0, 12)})` : ''}: ${VALIDATOR_REASONS[n.validator] ?? `it fails the ${n.validator} check`}; if it is a real secret, rotate it and report the rule as a bug.`;
    case 'unused-baseline-entry':
      return `Baseline entry ${n.entry.ruleId} in ${n.entry.file} matched nothing in this scan; \`leakguard baseline --prune\` removes entries that match nothing.`;
  }
}

/** Why a validator turns a match down (by validator name, as in patterns/*.json "validate"). */
const VALIDATOR_REASONS: Readonly<Record<string, string>> = {
  'crc32-base62': 'its checksum does not match (real tokens of this kind carry a valid one)', uuid: 'it is not a well-formed UUID',
  jwt: 'it does not decode as a JSON Web Token', 'jwt-service-role': 'it does not decode as a service-role JSON Web Token',
  'basic-auth': 'it does not decode as user:password', 'base64-private-key': 'it does not decode to a private key', 'base64-printable': 'it does not decode to printable text',
};

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

/** `leakguard fix`: why a finding was left alone, with what to do instead. */
export function fixReasonText(reason: FixReason, language: string): string {
  switch (reason) {
    case 'json':
      return 'JSON cannot read the environment, so the file was left alone; remove the value and have the code that loads the file read it from the environment.';
    case 'lockfile':
      return 'lockfiles are generated; regenerate it after removing the secret from its source.';
    case 'secrets-file':
      return 'this is a secrets file: keep it out of git (add it to .gitignore, then git rm --cached it) and commit a .env.example without values.';
    case 'docs':
      return 'documentation reads no environment; replace the value with a placeholder such as <YOUR_TOKEN> by hand.';
    case 'dockerfile':
      return 'an ENV or ARG value stays in the image; pass it as a build secret (RUN --mount=type=secret) as shown by `leakguard scan`.';
    case 'notebook':
      return 'notebooks are JSON; edit the cell in Jupyter to read the value with os.environ.';
    case 'xml-no-env':
      return 'this XML file has no environment expansion (only Maven pom.xml and settings.xml do); read the value in code instead.';
    case 'kubernetes-shape':
      return 'only `value:` entries of a container env become secretKeyRef; move the rest to a Secret created outside git.';
    case 'unsupported-language':
      return `leakguard fix does not rewrite ${language} files yet; make the change shown by \`leakguard scan\` by hand.`;
    case 'multi-line':
      return 'the value spans several lines (a key or a multi-line string); move it to a file outside the repository by hand.';
    case 'encoded':
      return 'the value is stored encoded (base64 or percent-encoded); decode and move it by hand.';
    case 'not-in-literal':
      return 'the value is not inside a string leakguard can rewrite; make the change shown by `leakguard scan` by hand.';
    case 'escapes':
      return 'the value holds escape or interpolation characters, so its text is not its value; move it by hand.';
    case 'string-prefix':
      return 'the value is in a byte, triple-quoted or otherwise special string; move it by hand.';
    case 'partial-value':
      return 'the value is part of a longer string (a connection string or URL) that this format cannot rebuild from a variable; split it by hand.';
    case 'unsafe-value':
      return 'the value holds characters an env file cannot store safely; move it to your secrets manager by hand.';
    case 'ignored-file':
      return 'the whole file is a secrets file that .gitignore excludes; unstage it with git rm --cached.';
    case 'worktree-differs':
      return 'the line in the working tree differs from the staged one, so only the staged copy was fixed; fix the working-tree line by hand before you stage it again.';
    case 'not-utf8':
      return 'the file is not UTF-8 text, so it was left alone; fix it by hand.';
    case 'symlink':
      return 'the file is a symbolic link; fix the file it points to.';
    case 'constant':
      return 'the value is a compile-time constant (a Go const block with iota), which cannot hold a value read at run time; move it by hand.';
  }
}

export function fixFileText(file: string, fixed: number, left: number): string {
  const parts = [fixed ? `${fixed} fixed` : '', left ? `${left} left as they are` : ''].filter(Boolean);
  return `${file}: ${parts.join(', ')}`;
}

export function fixLeftText(where: string, ruleId: string, reason: string): string {
  return `  ${where} ${ruleId}: ${reason}`;
}

export function fixPromptText(file: string): string {
  return `Apply the change to ${file}? [y/N] `;
}

export const FIX_NOTHING = 'leakguard fix: nothing to fix.\n';
export const FIX_NEEDS_YES = 'leakguard fix changes files and asks first, but this is not a terminal; pass --yes to apply, or --dry-run to see the changes.';

export function fixStoreText(path: string, created: boolean, names: readonly string[]): string {
  const shown = names.length > 4 ? `${names.slice(0, 4).join(', ')} and ${names.length - 4} more` : names.join(', ');
  return `Wrote ${names.length} value${names.length === 1 ? '' : 's'} (${shown}) to ${path}${created ? ', created with mode 0600' : ''}; load it into the environment (docker compose, direnv, dotenv, or \`set -a; . ./${path}\`) when you run the program.`;
}

/** The step left after the rewrite, for formats whose value does not come from .env by itself. */
export function fixNoteText(language: string, name: string, envFile: string): string | undefined {
  const key = name.toLowerCase().replace(/_/g, '-');
  switch (language) {
    case 'github-actions':
      return `then: add ${name} under Settings > Secrets and variables > Actions (its value is in ${envFile}).`;
    case 'gitlab-ci':
      return `then: define ${name} as a masked CI/CD variable in the project's settings (its value is in ${envFile}).`;
    case 'kubernetes':
      return `then: create the Secret outside git: kubectl create secret generic app-secrets --from-literal=${key}=... (the value is in ${envFile}).`;
    case 'terraform':
      return `then: Terraform reads var.${name.toLowerCase()} from TF_VAR_${name.toLowerCase()} in ${envFile}; in a child module, pass it from the calling module.`;
    case 'yaml':
    case 'properties':
    case 'ini':
    case 'toml':
    case 'xml':
      return `then: check that the program reading this file expands \${VAR} from the environment; if not, read the values in code.`;
    default:
      return undefined;
  }
}

export function fixGitignoreText(envPath: string): string {
  return `.gitignore now excludes ${envPath} (the change is not staged); commit it with \`git add .gitignore\`.`;
}

export function fixSummaryText(s: { fixed: number; left: number; files: number; dryRun: boolean; staged: boolean; declined: number }): string {
  const verb = s.dryRun ? 'would fix' : 'fixed';
  if (s.fixed === 0 && !s.declined) return `leakguard fix: nothing it can fix; ${s.left} finding${s.left === 1 ? ' is' : 's are'} left as shown above, with what to do instead.`;
  const head = `leakguard fix: ${verb} ${s.fixed} finding${s.fixed === 1 ? '' : 's'} in ${s.files} file${s.files === 1 ? '' : 's'}`;
  const left = s.left ? `; ${s.left} left as ${s.left === 1 ? 'it is' : 'they are'} (reasons above)` : '';
  const declined = s.declined ? `; ${s.declined} file${s.declined === 1 ? '' : 's'} skipped at your answer` : '';
  const next = s.dryRun
    ? 'run it again without --dry-run to apply.'
    : s.staged
      ? 'review with `git diff --cached`, rotate any secret that was ever pushed, then commit.'
      : 'review with `git diff`, and rotate any secret that was ever pushed.';
  return `${head}${left}${declined}; ${next}`;
}

/** The hook's hint when every finding it blocks can be fixed mechanically. */
export const FIX_HINT = 'leakguard: every finding above can be fixed for you: run `leakguard fix --staged` (it moves the values to .env and keeps partial staging).';
