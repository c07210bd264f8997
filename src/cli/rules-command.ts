import { GENERIC_RULES } from '../patterns/generic-rules.js';
import { prepareEngine } from '../scan.js';
import { ExitCode } from './exit-code.js';
import type { ParsedArgs } from './options.js';
import type { Io } from './types.js';

/** `leakguard rules`: every active rule with its provider, category and env var. */
export async function rulesCommand(args: ParsedArgs, io: Io): Promise<ExitCode> {
  const engine = await prepareEngine({ cwd: io.cwd, configPath: args.values.config as string | undefined });
  const disabled = new Set(engine.config.disabledRules);
  const rows = [
    ...engine.rules.map((r) => ({ id: r.id, description: r.description, provider: r.provider, category: r.category, envVar: r.envVar, revokeUrl: r.revokeUrl ?? null, origin: r.origin })),
    ...GENERIC_RULES.filter((g) => !disabled.has(g.id)).map((g) => ({ id: g.id, description: g.description, provider: 'generic', category: 'generic', envVar: g.envVar, revokeUrl: null, origin: 'generic detector' })),
  ];
  if (args.format === 'json') {
    io.stdout(`${JSON.stringify({ version: 1, rules: rows }, null, 2)}\n`);
  } else {
    const width = Math.max(...rows.map((r) => r.id.length));
    for (const r of rows) io.stdout(`${r.id.padEnd(width)}  ${r.category.padEnd(17)} ${r.envVar.padEnd(28)} ${r.description}\n`);
    io.stdout(`${rows.length} rules. Disable one with "disabledRules" in .leakguardrc; add your own with "rules".\n`);
  }
  return ExitCode.Clean;
}
