import { createRequire } from 'node:module';

/**
 * A node built-in module, loaded when first asked for, from ES module code: through
 * process.getBuiltinModule (node 20.16 and later), else createRequire. Loading some built-ins
 * loads much more (node:child_process, node:tty and node:v8 bring node's stream and net modules),
 * which a hook's clean run does without. In the bundle, node:module is a shim
 * (scripts/bundle-node-module.mjs).
 */
export function builtin<T>(id: string): T {
  return (process.getBuiltinModule?.(id) ?? createRequire(import.meta.url)(id)) as T;
}

/**
 * The node major versions whose bindings the calls below were written against and are tested on:
 * CI runs the binding tests on each (.ci/run, test/node-versions.mjs). bin/leakguard.js keeps the
 * same list for its prefetch of the staged diff (a test holds the two equal).
 */
export const BINDING_NODE_MAJORS: readonly number[] = [20, 22, 24];

/** Whether this node is one of those, off Windows (not tested there). */
export function bindingsTested(): boolean {
  return BINDING_NODE_MAJORS.includes(Number(process.versions.node.split('.')[0])) && process.platform !== 'win32';
}

/**
 * One of node's own bindings (`process.binding`), for the hook's calls that would otherwise load
 * a module that loads node's streams: the spawnSync binding (sources/spawn-sync.ts), the one
 * behind v8.setFlagsFromString and tty.isatty (cli/bin-main.ts). Only where bindingsTested();
 * not when deprecations are made loud (process.binding is deprecated, and warns under
 * --pending-deprecation) nor under the permission model. process.binding('v8') warns of its own
 * deprecation on node 20 and 22, a warning about leakguard's call and not for the user: it is
 * silenced for the call (process.noDeprecation, put back after); node 24 refuses it. Undefined
 * wherever the caller should use the public module instead.
 */
export function nodeBinding<T extends object>(name: string): T | undefined {
  const proc = process as unknown as { binding?: (name: string) => unknown; noDeprecation?: boolean };
  const flags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (!bindingsTested() || flags.includes('deprecation') || flags.includes('permission') || process.env.NODE_PENDING_DEPRECATION || typeof proc.binding !== 'function') return undefined;
  const noDeprecation = proc.noDeprecation;
  proc.noDeprecation = true;
  try {
    const found = proc.binding(name);
    return typeof found === 'object' && found !== null ? (found as T) : undefined;
  } catch {
    return undefined;
  } finally {
    proc.noDeprecation = noDeprecation;
  }
}
