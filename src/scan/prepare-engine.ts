import { loadRawConfig } from '../config/load-config.js';
import type { Config } from '../config/types.js';
import { validateConfig } from '../config/validate-config.js';
import { Detector } from '../detect/detect.js';
import { ConfigError } from '../errors.js';
import { compileRule } from '../patterns/compile-rule.js';
import { GENERIC_RULES } from '../patterns/generic-rules.js';
import { loadBuiltinRules } from '../patterns/load-patterns.js';
import type { CompiledRule } from '../patterns/types.js';
import type { Notice } from '../reporters/types.js';
import { bareRepo, repoRoot } from '../sources/git.js';
import { readPrebuiltIndex } from './prebuilt-index.js';
import type { ScanRequest } from './types.js';

export interface Engine {
  root: string | undefined;
  /** The git directory when the repository is bare (no work tree, no index). */
  bare: string | undefined;
  config: Config;
  rules: CompiledRule[];
  detector: Detector;
  notices: Notice[];
}

/** Load the config and compile the rules once. */
export async function prepareEngine(request: Pick<ScanRequest, 'cwd' | 'configPath' | 'maxFileSize'>): Promise<Engine> {
  const root = await repoRoot(request.cwd);
  const bare = root ? undefined : await bareRepo(request.cwd);
  const raw = await loadRawConfig(root ?? request.cwd, request.configPath);
  const config = validateConfig(raw.config, raw.filepath);
  if (request.maxFileSize !== undefined) config.maxFileSize = request.maxFileSize;
  const notices: Notice[] = raw.ignoredCodeConfigs.map((file) => ({ code: 'code-config-ignored', file }) as const);
  if (raw.filepath) notices.push({ code: 'config-loaded', file: raw.filepath });
  const builtin = loadBuiltinRules();
  const ids = new Set(builtin.map((r) => r.id));
  const known = new Set([...ids, ...GENERIC_RULES.map((r) => r.id)]);
  const custom = config.rules.map((r, i) => {
    const rule = compileRule(r, { origin: `${raw.filepath ?? 'config'} rules[${i}]`, builtin: false });
    if (ids.has(rule.id)) throw new ConfigError(`${raw.filepath}: rules[${i}] reuses the built-in rule id "${rule.id}"; give your rule its own id (built-in rules are extended, never replaced).`);
    known.add(rule.id);
    return rule;
  });
  for (const id of config.disabledRules) {
    if (!known.has(id)) throw new ConfigError(`${raw.filepath}: disabledRules names "${id}", which is not a rule; run \`leakguard rules\` to list the ids.`);
  }
  const disabled = new Set(config.disabledRules);
  const rules = [...builtin, ...custom].filter((r) => !disabled.has(r.id));
  const genericOn = GENERIC_RULES.some((r) => !disabled.has(r.id));
  // the build's keyword trie fits only the built-in rules as they are (the detector checks)
  const prebuilt = custom.length === 0 && disabled.size === 0 ? readPrebuiltIndex() : undefined;
  const detector = new Detector({ rules, entropy: genericOn ? config.entropy : undefined, disabledGeneric: disabled, prebuilt });
  return { root, bare, config, rules, detector, notices };
}
