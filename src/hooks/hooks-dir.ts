import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { simpleGit } from 'simple-git';
import { LeakguardError } from '../errors.js';

export interface HooksDir {
  /** Absolute path of the folder git runs hooks from. */
  dir: string;
  /** The working tree's top level. */
  root: string;
  /** core.hooksPath, when set. */
  hooksPath: string | undefined;
}

/**
 * The hooks folder git really uses: `git rev-parse --git-path hooks` honours core.hooksPath
 * (relative ones are resolved from the top level) and linked worktrees (hooks live in the common
 * git dir). Not a hot path, so simple-git does the plumbing.
 */
export async function findHooksDir(cwd: string): Promise<HooksDir> {
  const git = simpleGit({ baseDir: cwd });
  let inside: string;
  try {
    inside = (await git.raw(['rev-parse', '--is-inside-work-tree'])).trim();
  } catch (error) {
    throw new LeakguardError(`${cwd} is not inside a git repository; run leakguard from your project's working tree (or \`git init\` first).`, { cause: error });
  }
  if (inside !== 'true') {
    throw new LeakguardError(`${cwd} is not inside a git working tree (a bare repository or the .git folder?); run leakguard from your project's checkout.`);
  }
  const root = (await git.raw(['rev-parse', '--show-toplevel'])).trim();
  const dir = realish(resolve(cwd, (await git.raw(['rev-parse', '--git-path', 'hooks'])).trim()));
  const hooksPath = (await git.raw(['config', '--get', 'core.hooksPath']).catch(() => '')).trim() || undefined;
  return { dir, root: realish(root), hooksPath };
}

/** The real path of the deepest existing ancestor, so paths compare equal across symlinked temp dirs. */
function realish(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    const parent = dirname(path);
    return parent === path ? path : resolve(realish(parent), relative(parent, path));
  }
}

/** True when core.hooksPath points into a .husky folder (husky v9 sets `.husky/_`). */
export function isHuskyDir(hooks: HooksDir): boolean {
  return !!hooks.hooksPath && hooks.hooksPath.split(/[\\/]/).includes('.husky');
}

/** A path for messages: relative to the working tree when inside it, else absolute. */
export function displayPath(hooks: HooksDir, path: string): string {
  const rel = relative(hooks.root, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split(sep).join('/') : path;
}
