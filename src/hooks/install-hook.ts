import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LeakguardError } from '../errors.js';
import { chainedName, HOOKS, hookScript, isLeakguardHook, type HookFallback, type HookName } from './hook-script.js';
import { displayPath, findHooksDir, isHuskyDir, type HooksDir } from './hooks-dir.js';

export interface InstallRequest {
  cwd: string;
  hook: HookName;
  /** Replace an existing hook that is not leakguard's instead of chaining it. */
  force: boolean;
}

/** What install did, as data: the CLI turns it into a sentence. */
export interface InstallResult {
  action: 'installed' | 'updated' | 'chained' | 'replaced';
  hook: HookName;
  /** The hook file, relative to the working tree when inside it. */
  path: string;
  /** Where a pre-existing hook now lives (action chained, or an update that keeps chaining). */
  chainedPath: string | undefined;
  hooks: HooksDir;
  /** Which leakguard the hook will run, as things stand now. */
  runs: HookRunner;
}

/** project: node_modules/.bin/leakguard; path: a leakguard on PATH; fallback: the copy that ran install. */
export interface HookRunner {
  kind: 'project' | 'path' | 'fallback';
  path: string;
}

/** This package's own bin, and the node running it: what the hook falls back to. */
export function ownFallback(): HookFallback {
  return { bin: fileURLToPath(new URL('../../bin/leakguard.js', import.meta.url)), node: process.execPath };
}

/** The first of the hook's choices that exists now (the hook decides again at each run). */
export function hookRunner(root: string, fallback: HookFallback, env: NodeJS.ProcessEnv = process.env): HookRunner {
  const project = join(root, 'node_modules', '.bin', 'leakguard');
  if (isExecutable(project)) return { kind: 'project', path: project };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'leakguard');
    if (isExecutable(candidate)) return { kind: 'path', path: candidate };
  }
  return { kind: 'fallback', path: fallback.bin };
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return existsSync(path);
  } catch {
    return false;
  }
}

/**
 * Write leakguard's hook into the folder git runs hooks from. Another tool's hook is never lost:
 * it is moved aside to `<hook>.leakguard-chained` and run first, unless `force` replaces it.
 * Installing again only rewrites leakguard's own hook.
 */
export async function installHook(request: InstallRequest): Promise<InstallResult> {
  const hooks = await findHooksDir(request.cwd);
  const { hook } = request;
  if (isHuskyDir(hooks)) {
    throw new LeakguardError(
      `core.hooksPath is ${hooks.hooksPath}, which husky manages and regenerates, so leakguard will not write there; add the line \`leakguard ${HOOKS[hook].args}\` to .husky/${hook} instead (husky 9 puts node_modules/.bin on PATH).`,
    );
  }
  const target = join(hooks.dir, hook);
  const chained = join(hooks.dir, chainedName(hook));
  const existing = await readIfExists(target);
  const haveChained = (await readIfExists(chained)) !== undefined;
  await mkdir(hooks.dir, { recursive: true }).catch((error: unknown) => {
    throw writeError(hooks.dir, error);
  });

  let action: InstallResult['action'];
  let chain: boolean;
  if (existing === undefined) {
    // a chained original without our hook: our hook was deleted by hand; keep running the original
    action = 'installed';
    chain = haveChained;
  } else if (isLeakguardHook(existing)) {
    action = 'updated';
    chain = haveChained;
  } else if (request.force) {
    action = 'replaced';
    chain = false;
  } else {
    if (haveChained) {
      throw new LeakguardError(
        `${displayPath(hooks, target)} is not leakguard's hook and ${displayPath(hooks, chained)} already exists, so there is nowhere to move it; merge or delete one of them, or rerun with --force to replace the hook.`,
      );
    }
    await rename(target, chained).catch((error: unknown) => {
      throw writeError(chained, error);
    });
    action = 'chained';
    chain = true;
  }
  const fallback = ownFallback();
  await writeHook(target, hookScript(hook, { chain, fallback }));
  const runs = hookRunner(hooks.root, fallback);
  return { action, hook, path: displayPath(hooks, target), chainedPath: chain ? displayPath(hooks, chained) : undefined, hooks, runs };
}

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new LeakguardError(`Could not read ${path} (${code ?? (error as Error).message}); check its permissions and run the command again.`, { cause: error });
  }
}

/** LF endings whatever the platform, and executable (chmod is a no-op on Windows, where Git Bash reads the #!). */
async function writeHook(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text, { encoding: 'utf8', mode: 0o755 });
    await chmod(path, 0o755);
  } catch (error) {
    throw writeError(path, error);
  }
}

export function writeError(path: string, error: unknown): LeakguardError {
  const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
  return new LeakguardError(`Could not write ${path} (${code}); check that the hooks folder is writable and run the command again.`, { cause: error });
}
