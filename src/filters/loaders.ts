import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import { notReadableReason, probeFile } from '../util/probe-file.js';
import type { PathMatcher } from './allowlist.js';
import { baselineKey, parseBaseline, type BaselineEntry } from './baseline.js';

/**
 * The filters' file loaders (the only filter code that does I/O). The libraries behind them
 * (ignore, micromatch) are imported only when a scan needs them, so the hook does not pay.
 */

/** Read a baseline; a missing default file is no baseline, a missing named one is an error. */
export async function loadBaseline(path: string, named: boolean): Promise<Map<string, BaselineEntry> | undefined> {
  const probe = probeFile(path);
  if (probe.kind === 'missing' && !named) return undefined;
  const reason = notReadableReason(path, probe);
  if (reason) throw new InputError(`The baseline ${reason}; point --baseline at a baseline file or regenerate it with \`leakguard baseline\`.`);
  let text: string;
  try {
    // small files read once per scan: synchronous reads spare the hook the promise machinery
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !named) return undefined;
    throw new InputError(`The baseline ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check --baseline or create it with \`leakguard baseline\`.`);
  }
  try {
    return new Map(parseBaseline(text).entries.map((e) => [baselineKey(e), e]));
  } catch (error) {
    throw new InputError(`The baseline ${path} is not valid (${(error as Error).message}); regenerate it with \`leakguard baseline\`.`);
  }
}

/** The repository's .leakguardignore (gitignore syntax) as a path test, or undefined. */
export async function loadIgnoreFile(root: string | undefined): Promise<((path: string) => boolean) | undefined> {
  if (!root) return undefined;
  const path = resolve(root, '.leakguardignore');
  const probe = probeFile(path);
  if (probe.kind === 'missing') return undefined;
  const reason = notReadableReason(path, probe);
  if (reason) throw new InputError(`The ignore file ${reason}; make .leakguardignore a text file in gitignore syntax, or remove it.`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const { default: ignore } = await import('ignore');
  const matcher = ignore().add(text);
  return (path: string) => matcher.ignores(path);
}

/** micromatch globs for allowlist paths (dot files included). */
export async function loadPathMatcher(): Promise<PathMatcher> {
  const { default: micromatch } = await import('micromatch');
  return (path, globs) => micromatch.isMatch(path, globs as string[], { dot: true });
}
