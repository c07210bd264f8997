import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { LeakguardError } from '../errors.js';
import { baselineKey, parseBaseline, serializeBaseline, toBaseline, type BaselineFile } from '../filters/baseline.js';
import { prepareEngine, scan } from '../scan.js';
import { writeAtomic } from '../util/write-atomic.js';
import { ExitCode } from './exit-code.js';
import type { ParsedArgs } from './options.js';
import { scanRequestFrom } from './scan-request.js';
import type { Io } from './types.js';

/**
 * `leakguard baseline`: write the current findings (by rule, file and secret hash) to the
 * baseline file, sorted and stable. `--prune` keeps only entries that still match something.
 */
export async function baselineCommand(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const request = await scanRequestFrom(args, io, true);
  const engine = await prepareEngine(request);
  const result = await scan(request, engine);
  const root = engine.root ?? io.cwd;
  const path = args.values.baseline ? resolve(io.cwd, args.values.baseline as string) : resolve(root, engine.config.baseline ?? '.leakguard-baseline.json');
  let next: BaselineFile = toBaseline(result.findings);
  if (args.values.prune) {
    let current: BaselineFile;
    try {
      current = parseBaseline(await readFile(path, 'utf8'));
    } catch (error) {
      throw new LeakguardError(`The baseline ${path} cannot be pruned (${(error as Error).message}); create it with \`leakguard baseline\` first.`);
    }
    const live = new Set(next.entries.map(baselineKey));
    const kept = current.entries.filter((e) => live.has(baselineKey(e)));
    next = { ...current, entries: kept };
    if (!args.values.quiet) io.stderr(`leakguard: pruned ${current.entries.length - kept.length} of ${current.entries.length} baseline entries in ${path}.\n`);
  }
  const text = serializeBaseline(next);
  try {
    await writeAtomic(path, text);
  } catch (error) {
    throw new LeakguardError(`Could not write the baseline ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check that the folder is writable.`);
  }
  if (!args.values.quiet && !args.values.prune) {
    io.stderr(`leakguard: wrote ${next.entries.length} entr${next.entries.length === 1 ? 'y' : 'ies'} to ${path}; commit it, and scans will report only new findings.\n`);
  }
  return ExitCode.Clean;
}
