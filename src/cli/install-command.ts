import { UsageError } from '../errors.js';
import { HOOKS, type HookName } from '../hooks/hook-script.js';
import { displayPath } from '../hooks/hooks-dir.js';
import { installHook, type InstallResult } from '../hooks/install-hook.js';
import { uninstallHook, type UninstallResult } from '../hooks/uninstall-hook.js';
import { ExitCode } from './exit-code.js';
import type { ParsedArgs } from './options.js';
import type { Io } from './types.js';

/** `leakguard install [--pre-push] [--force]` and `leakguard uninstall [--pre-push]`. */
export async function installCommand(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const hook: HookName = args.values['pre-push'] ? 'pre-push' : 'pre-commit';
  if (args.positionals.length) {
    throw new UsageError(`leakguard ${args.command} takes no file names (got "${args.positionals[0]}"); run it inside the repository, with --pre-push for the push hook.`);
  }
  const text =
    args.command === 'uninstall'
      ? uninstallText(await uninstallHook({ cwd: io.cwd, hook }))
      : installText(await installHook({ cwd: io.cwd, hook, force: !!args.values.force }));
  if (!args.values.quiet) io.stdout(`${text}\n`);
  return ExitCode.Clean;
}

function installText(r: InstallResult): string {
  return `${actionText(r)} ${runnerText(r)}`;
}

/** Say which leakguard the hook will run, so a user knows what a commit will execute. */
function runnerText(r: InstallResult): string {
  switch (r.runs.kind) {
    case 'project':
      return `The hook runs this project's leakguard (${displayPath(r.hooks, r.runs.path)}).`;
    case 'path':
      return `The hook runs the leakguard on PATH (${r.runs.path}).`;
    case 'fallback':
      return `leakguard is neither in node_modules nor on PATH, so the hook runs ${r.runs.path}, the copy that installed it; \`npm install --save-dev leakguard\` makes the project's own copy take over.`;
  }
}

function actionText(r: InstallResult): string {
  const what = r.hook === 'pre-commit' ? 'commit' : 'push';
  const runs = `it runs \`leakguard ${HOOKS[r.hook].args}\` before each ${what}`;
  switch (r.action) {
    case 'installed':
      return `Installed the leakguard ${r.hook} hook in ${r.path}; ${runs}${r.chainedPath ? `, after ${r.chainedPath}` : ''}.`;
    case 'updated':
      return `Updated the leakguard ${r.hook} hook in ${r.path}; ${runs}${r.chainedPath ? `, after ${r.chainedPath}` : ''}.`;
    case 'chained':
      return `Installed the leakguard ${r.hook} hook in ${r.path}; your existing hook moved to ${r.chainedPath} and still runs first (its failure still stops the ${what}), then leakguard. \`leakguard uninstall${r.hook === 'pre-push' ? ' --pre-push' : ''}\` puts it back.`;
    case 'replaced':
      return `Replaced the existing ${r.hook} hook in ${r.path} with leakguard's (--force); ${runs}.`;
  }
}

function uninstallText(r: UninstallResult): string {
  switch (r.action) {
    case 'restored':
      return `Removed the leakguard ${r.hook} hook and restored your original hook to ${r.path}.`;
    case 'removed':
      return `Removed the leakguard ${r.hook} hook from ${r.path}.`;
    case 'absent':
      return r.husky
        ? `No hook written by leakguard in ${r.path} (husky manages it); remove the leakguard line from .husky/${r.hook} instead.`
        : `No hook written by leakguard in ${r.path}, so nothing was changed.`;
  }
}
