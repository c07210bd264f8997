import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, sep } from 'node:path';

/** Environment variables that change where git looks for the repository. */
const DISCOVERY_ENV = ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_COMMON_DIR', 'GIT_CEILING_DIRECTORIES', 'GIT_DISCOVERY_ACROSS_FILESYSTEM'];
/** Repository settings that move the work tree away from the folder holding .git. */
const MOVED_WORK_TREE = /^\s*(?:worktree\s*=|bare\s*=\s*true\b)/im;

function stat(path: string): Stats | undefined {
  try {
    // undefined, not an exception, for a path that is not there (the usual answer here)
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * The top of the work tree, found without running git when the case is the plain one: no
 * variable that steers git's search is set, and the nearest folder from `cwd` up holds a `.git`
 * folder that is a repository (HEAD, objects, refs), owned by this user (so git's
 * safe.directory check has nothing to say) and not moved by core.worktree or core.bare. Every
 * other case (a `.git` file of a worktree or submodule, GIT_DIR, a folder inside .git, a
 * repository of another user, Windows) is undefined: `git rev-parse` decides. Saves the hook
 * one git process.
 */
export function plainRepoRoot(cwd: string): string | undefined {
  if (DISCOVERY_ENV.some((name) => process.env[name] !== undefined) || typeof process.getuid !== 'function') return undefined;
  let start: string;
  try {
    // git reports the physical path: symbolic links resolved
    start = realpathSync.native(cwd);
  } catch {
    return undefined;
  }
  for (let dir = start; ; ) {
    const dotGit = join(dir, '.git');
    const found = stat(dotGit);
    if (found) {
      if (!found.isDirectory() || found.uid !== process.getuid()) return undefined;
      if (!stat(join(dotGit, 'HEAD'))?.isFile() || !stat(join(dotGit, 'objects'))?.isDirectory() || !stat(join(dotGit, 'refs'))?.isDirectory()) return undefined;
      if (start === dotGit || start.startsWith(dotGit + sep) || stat(join(dotGit, 'config.worktree'))) return undefined;
      let config: string;
      try {
        config = readFileSync(join(dotGit, 'config'), 'utf8');
      } catch {
        return undefined;
      }
      return MOVED_WORK_TREE.test(config) || /^\s*\[include/im.test(config) ? undefined : dir;
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}
