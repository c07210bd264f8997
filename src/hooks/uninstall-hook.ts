import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { chainedName, chainsOriginal, isLeakguardHook, type HookName } from './hook-script.js';
import { displayPath, findHooksDir, isHuskyDir, type HooksDir } from './hooks-dir.js';
import { readIfExists, writeError } from './install-hook.js';

export interface UninstallResult {
  /** removed: our hook deleted; restored: the chained original is back; absent: no leakguard hook there. */
  action: 'removed' | 'restored' | 'absent';
  hook: HookName;
  path: string;
  /** core.hooksPath points into .husky, where leakguard is a line in .husky/<hook>. */
  husky: boolean;
  hooks: HooksDir;
}

/** Remove only what `leakguard install` wrote, putting a chained original hook back in place. */
export async function uninstallHook(request: { cwd: string; hook: HookName }): Promise<UninstallResult> {
  const hooks = await findHooksDir(request.cwd);
  const { hook } = request;
  const target = join(hooks.dir, hook);
  const chained = join(hooks.dir, chainedName(hook));
  const existing = await readIfExists(target);
  const result = { hook, path: displayPath(hooks, target), husky: isHuskyDir(hooks), hooks };
  if (existing === undefined || !isLeakguardHook(existing)) return { action: 'absent', ...result };
  if (chainsOriginal(existing) && (await readIfExists(chained)) !== undefined) {
    await rename(chained, target).catch((error: unknown) => {
      throw writeError(target, error);
    });
    return { action: 'restored', ...result };
  }
  await unlink(target).catch((error: unknown) => {
    throw writeError(target, error);
  });
  return { action: 'removed', ...result };
}
