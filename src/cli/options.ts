import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';
import { FORMATS, type Format } from '../reporters/index.js';

/** The option table: parseArgs config and --help are both generated from it. */
interface OptionSpec {
  name: string;
  type: 'boolean' | 'string';
  short?: string;
  arg?: string;
  help: string;
  commands: ReadonlyArray<Command>;
}

export const COMMANDS = ['scan', 'rules', 'baseline', 'install', 'uninstall', 'fix'] as const;
export type Command = (typeof COMMANDS)[number];

const SCAN: Command[] = ['scan', 'baseline'];
export const OPTIONS: readonly OptionSpec[] = [
  { name: 'staged', type: 'boolean', help: 'Scan the added lines of the staged changes (the default with no PATH). With PATHs, only those staged files. With fix: fix the index and the working tree.', commands: ['scan', 'fix'] },
  { name: 'dry-run', type: 'boolean', help: 'With fix: print the changes as a diff (secrets masked) and write nothing.', commands: ['fix'] },
  { name: 'yes', type: 'boolean', short: 'y', help: 'With fix: apply without asking (it asks per file on a terminal).', commands: ['fix'] },
  { name: 'all-commits', type: 'boolean', help: 'Scan every commit reachable from any branch, tag or remote ref.', commands: SCAN },
  { name: 'range', type: 'string', arg: 'REVS', help: 'Scan the commits in a revision range, e.g. origin/main..HEAD.', commands: SCAN },
  { name: 'pre-push', type: 'boolean', help: "Scan the commits being pushed, read from git's pre-push hook input on stdin. With install/uninstall: the pre-push hook.", commands: ['scan', 'install', 'uninstall'] },
  { name: 'pre-commit-framework', type: 'boolean', help: 'Entry point for the pre-commit framework: staged lines in git commit, a range with --from-ref/--to-ref, else the given files.', commands: ['scan'] },
  { name: 'jobs', type: 'string', short: 'j', arg: 'N', help: 'History scans: run N git log processes at once (default 2; 1 on a single core).', commands: SCAN },
  { name: 'all-occurrences', type: 'boolean', help: 'In history scans, report a secret at every commit that adds it, not only the first.', commands: ['scan'] },
  { name: 'format', type: 'string', short: 'f', arg: 'FORMAT', help: 'Output format: text, json or sarif (default text).', commands: ['scan', 'rules'] },
  { name: 'output', type: 'string', short: 'o', arg: 'FILE', help: 'Write the report to FILE instead of standard output.', commands: ['scan', 'rules', 'baseline'] },
  { name: 'no-redact', type: 'boolean', help: 'Show secrets in full (they are masked by default).', commands: ['scan'] },
  { name: 'no-color', type: 'boolean', help: 'No colours (also when NO_COLOR is set or output is not a terminal).', commands: ['scan'] },
  { name: 'config', type: 'string', short: 'c', arg: 'FILE', help: 'Load this config file (may be .js/.mjs/.cjs) instead of searching the repository root.', commands: ['scan', 'rules', 'baseline', 'fix'] },
  { name: 'baseline', type: 'string', arg: 'FILE', help: 'Baseline file to apply or write (default .leakguard-baseline.json at the repository root).', commands: SCAN },
  { name: 'no-baseline', type: 'boolean', help: 'Ignore the baseline: report every finding.', commands: ['scan'] },
  { name: 'prune', type: 'boolean', help: 'With baseline: drop entries that no longer match anything, add nothing.', commands: ['baseline'] },
  { name: 'no-inline-allow', type: 'boolean', help: 'Ignore leakguard:allow and other inline directives (for audits).', commands: SCAN },
  { name: 'show-suppressed', type: 'boolean', help: 'List suppressed findings and what suppressed each one.', commands: ['scan'] },
  { name: 'no-gitignore', type: 'boolean', help: 'In PATH scans, also scan files that .gitignore excludes.', commands: SCAN },
  { name: 'max-file-size', type: 'string', arg: 'BYTES', help: 'Skip files (or added text per file) larger than this; default 10485760. Skips are always reported.', commands: SCAN },
  { name: 'force', type: 'boolean', help: 'With install: replace an existing hook instead of chaining it.', commands: ['install'] },
  { name: 'verbose', type: 'boolean', short: 'v', help: 'Explain what was skipped, loaded and suppressed.', commands: ['scan', 'baseline', 'install', 'uninstall'] },
  { name: 'quiet', type: 'boolean', short: 'q', help: 'Print only findings and errors.', commands: ['scan', 'baseline', 'install', 'uninstall'] },
  { name: 'help', type: 'boolean', short: 'h', help: 'Show this help.', commands: [...COMMANDS] },
  { name: 'version', type: 'boolean', short: 'V', help: 'Show the version.', commands: [...COMMANDS] },
];

export interface ParsedArgs {
  command: Command;
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
  format: Format;
}

export function parseCli(argv: readonly string[]): ParsedArgs {
  let args = [...argv];
  let command: Command = 'scan';
  if (args[0] && (COMMANDS as readonly string[]).includes(args[0])) {
    command = args[0] as Command;
    args = args.slice(1);
  }
  const parsed = longFlagsOnly(args) ?? parseWithNode(args);
  const values = parsed.values;
  for (const [name, value] of Object.entries(values)) {
    const spec = OPTIONS.find((o) => o.name === name)!;
    if (value !== undefined && !spec.commands.includes(command)) {
      throw new UsageError(`--${name} does not apply to \`leakguard ${command}\`; run \`leakguard ${command} --help\` for its options.`);
    }
  }
  const format = (values.format ?? 'text') as string;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"; for example --format json.`);
  }
  return { command, positionals: parsed.positionals, values, format: format as Format };
}

/**
 * A hook's arguments (`--staged --quiet`, or none) as parseArgs reads them, when every one is a
 * known boolean option's long name: a hook then starts without loading and running node's
 * parseArgs (~1 ms of its start). Anything else is parseArgs' to read, and to reject.
 */
function longFlagsOnly(args: readonly string[]): { values: Record<string, boolean>; positionals: string[] } | undefined {
  const values: Record<string, boolean> = {};
  for (const arg of args) {
    const spec = arg.startsWith('--') ? OPTIONS.find((o) => o.name === arg.slice(2)) : undefined;
    if (spec?.type !== 'boolean') return undefined;
    values[spec.name] = true;
  }
  return { values, positionals: [] };
}

function parseWithNode(args: string[]): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  const config: Record<string, { type: 'boolean' | 'string'; short?: string }> = {};
  for (const o of OPTIONS) config[o.name] = o.short ? { type: o.type, short: o.short } : { type: o.type };
  try {
    return parseArgs({ args, options: config, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify.*$/s, '').replace(/\.$/, '');
    throw new UsageError(`${message}; run \`leakguard --help\` for the options.`);
  }
}

export function helpText(command: Command, version: string): string {
  const usage: Record<Command, string> = {
    scan: 'leakguard [scan] [options] [PATH...]',
    rules: 'leakguard rules [--format json]',
    baseline: 'leakguard baseline [--all-commits | --range REVS | PATH...] [--prune] [--baseline FILE]',
    install: 'leakguard install [--pre-push] [--force]',
    uninstall: 'leakguard uninstall [--pre-push]',
    fix: 'leakguard fix [--staged | PATH...] [--dry-run] [--yes]',
  };
  const about: Record<Command, string> = {
    scan: 'Find credentials in staged changes (default), files, or git history, and say how to fix each one.',
    rules: 'List the detection rules.',
    baseline: 'Record the current findings so later scans report only new ones (no secrets are stored, only hashes).',
    install: "Install leakguard as a git pre-commit (or pre-push) hook in the hooks folder git uses, chaining any existing hook.",
    uninstall: 'Remove the hook that leakguard install wrote, leaving other hooks alone.',
    fix: 'Move each secret found to .env and read it from the environment instead, in the file\'s own language (partial staging is kept).',
  };
  const lines = [`leakguard ${version}: ${about[command]}`, '', `Usage: ${usage[command]}`];
  if (command === 'scan') lines.push('       leakguard <command> --help   (commands: fix, rules, baseline, install, uninstall)');
  lines.push('', 'Options:');
  for (const o of OPTIONS.filter((x) => x.commands.includes(command))) {
    const flag = `${o.short ? `-${o.short}, ` : '    '}--${o.name}${o.arg ? ` ${o.arg}` : ''}`;
    lines.push(`  ${flag.padEnd(30)} ${o.help}`);
  }
  lines.push(
    '',
    'Exit status:',
    '  0  nothing found',
    '  1  secrets found (the commit or push is blocked)',
    '  2  leakguard could not do its job: bad usage, bad config, git failure or unreadable input',
    '',
    'Allow a deliberate test value with a `leakguard:allow` comment on its line, or `leakguard baseline`.',
  );
  return `${lines.join('\n')}\n`;
}
