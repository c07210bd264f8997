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
