import { relative, resolve, sep } from 'node:path';
import { UsageError } from '../errors.js';
import { redactSecret } from '../findings/redact.js';
import { applyFix, storeFor } from '../fix/apply.js';
import { unifiedDiff } from '../fix/diff.js';
import { planFix, type FilePlan, type FixPlan } from '../fix/fix.js';
import { FIX_NEEDS_YES, FIX_NOTHING, fixFileText, fixLeftText, fixPromptText, fixReasonText, fixGitignoreText, fixNoteText, fixStoreText, fixSummaryText } from '../messages.js';
import { ExitCode } from './exit-code.js';
import type { Io } from './types.js';

/**
 * `leakguard fix [--staged | PATH...] [--dry-run] [--yes]`: show each file's change as a redacted
 * diff, ask per file on a terminal (or apply with --yes), then write. Exit 0 when every finding
 * is fixed, 1 when some are left (each with its reason), 2 when leakguard could not do its job.
 */
export interface FixOptions {
  staged: boolean;
  paths: readonly string[];
  dryRun: boolean;
  yes: boolean;
  configPath?: string | undefined;
  /** Ask a question on the terminal; given by tests, else read from a TTY stdin. */
  ask?: (question: string) => Promise<string>;
}

export async function fixCommand(options: FixOptions, io: Io): Promise<ExitCode> {
  if (options.staged && options.paths.length) throw new UsageError('leakguard fix takes --staged or PATHs, not both; pick one.');
  const staged = options.staged || options.paths.length === 0;
  const plan = await planFix({ cwd: io.cwd, staged, paths: options.paths, configPath: options.configPath });
  if (!plan.findings.length) {
    io.stderr(FIX_NOTHING);
    return ExitCode.Clean;
  }
  const mask = masker(plan);
  const ask = options.dryRun || options.yes ? undefined : (options.ask ?? (await terminalAsk(io)));
  if (!options.dryRun && !options.yes && !ask) throw new UsageError(FIX_NEEDS_YES);
  const accepted: FilePlan[] = [];
  let declined = 0;
  for (const file of plan.files) {
    io.stderr(`${fixFileText(file.file, file.fixed.length, file.left.length)}\n`);
    for (const l of file.left) io.stderr(`${fixLeftText(`${l.target.file}:${l.target.line}:${l.target.column}`, l.target.ruleId, fixReasonText(l.reason, l.target.language))}\n`);
    for (const t of file.worktreeLeft) io.stderr(`${fixLeftText(`${t.file}:${t.line}`, t.ruleId, fixReasonText('worktree-differs', t.language))}\n`);
    if (!file.index && !file.worktree) continue;
    const after = file.index?.after ?? file.worktree!.after;
    const before = file.index?.entry.text ?? file.worktree!.before;
    io.stdout(unifiedDiff(display(plan, file.abs, io.cwd), before, after, mask));
    if (file.index && file.worktree && file.worktree.before !== before) io.stdout(unifiedDiff(`${display(plan, file.abs, io.cwd)} (working tree)`, file.worktree.before, file.worktree.after, mask));
    // the extra step some formats need (an Actions secret, a Kubernetes Secret, a Terraform variable)
    const notes = new Set(file.fixed.map((f) => fixNoteText(f.target.language, f.name, plan.store.envPath)).filter((n): n is string => !!n));
    for (const note of notes) io.stderr(`  ${note}\n`);
    if (ask && !/^y(es)?$/i.test((await ask(fixPromptText(file.file))).trim())) {
      declined++;
      continue;
    }
    accepted.push(file);
  }
  const store = options.dryRun ? storeFor(plan, accepted) : await applyFix(plan, accepted);
  for (const edit of store) {
    io.stdout(unifiedDiff(display(plan, resolve(plan.root, edit.path), io.cwd), edit.before, edit.after, mask));
  }
  const env = store.find((e) => e.secret);
  if (env && !options.dryRun) {
    const names = [...new Set(accepted.flatMap((f) => f.fixed.map((x) => x.envName)))];
    io.stderr(`leakguard: ${fixStoreText(env.path, env.before === undefined, names)}\n`);
  }
  if (store.some((e) => e.path === '.gitignore') && !options.dryRun) io.stderr(`leakguard: ${fixGitignoreText(plan.store.envPath)}\n`);
  const fixed = accepted.reduce((n, f) => n + f.fixed.length, 0);
  const left = plan.files.reduce((n, f) => n + f.left.length + f.worktreeLeft.length, 0);
  const notApplied = plan.files.filter((f) => !accepted.includes(f)).reduce((n, f) => n + f.fixed.length, 0);
  io.stderr(`${fixSummaryText({ fixed, left, files: accepted.length, dryRun: options.dryRun, staged, declined })}\n`);
  return left || notApplied || options.dryRun ? ExitCode.Findings : ExitCode.Clean;
}

/** Every secret of the plan, masked wherever it appears (longest first, so none survives in part). */
function masker(plan: FixPlan): (text: string) => string {
  const secrets = [...new Set(plan.findings.map((f) => f.secret).filter((s) => s.length >= 4))].sort((a, b) => b.length - a.length);
  return (text) => secrets.reduce((t, s) => t.split(s).join(redactSecret(s)), text);
}

function display(plan: FixPlan, abs: string, cwd: string): string {
  const rel = relative(plan.repo ? plan.root : cwd, abs);
  return rel.split(sep).join('/');
}

async function terminalAsk(io: Io): Promise<((q: string) => Promise<string>) | undefined> {
  if (!process.stdin.isTTY || !io.stderrIsTTY) return undefined;
  const { createInterface } = await import('node:readline/promises');
  return async (question) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  };
}
