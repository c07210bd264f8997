import { existsSync, readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { ConfigError } from '../errors.js';
import { notReadableReason, probeFile } from '../util/probe-file.js';

export interface RawConfig {
  filepath: string | undefined;
  config: unknown;
  /** Code config files present in the repository but not loaded (never executed implicitly). */
  ignoredCodeConfigs: string[];
}

/** Data-only config files, searched at the repository root in this order. */
export const CONFIG_FILES = ['.leakguardrc', '.leakguardrc.json', '.leakguardrc.yaml', '.leakguardrc.yml', 'leakguard.config.json'];
const CODE_CONFIGS = ['leakguard.config.js', 'leakguard.config.mjs', 'leakguard.config.cjs', '.leakguardrc.js', '.leakguardrc.cjs', '.leakguardrc.mjs'];

/**
 * Find and read the config. With --config, that file is loaded (it may be .js/.mjs/.cjs, since the
 * user named it). Otherwise only data files at the repository root are considered: a
 * leakguard.config.js in a scanned repository is never executed. cosmiconfig is imported only
 * when a config file exists, so the hook pays nothing for it otherwise.
 */
export async function loadRawConfig(root: string, explicit: string | undefined): Promise<RawConfig> {
  const ignoredCodeConfigs = CODE_CONFIGS.filter((name) => existsSync(join(root, name)));
  if (explicit) {
    const filepath = resolve(explicit);
    if (probeFile(filepath).kind === 'missing') throw new ConfigError(`The config file ${explicit} does not exist; check the path given to --config.`);
    readableOrThrow(filepath);
    return { filepath, config: await loadWithCosmiconfig(root, filepath), ignoredCodeConfigs: [] };
  }
  // lstat-based: a config that is a link to nothing is an error, not "no config"
  const found = CONFIG_FILES.find((name) => probeFile(join(root, name)).kind !== 'missing');
  if (found) {
    const filepath = join(root, found);
    readableOrThrow(filepath);
    return { filepath, config: await loadWithCosmiconfig(root, filepath), ignoredCodeConfigs };
  }
  const pkgPath = join(root, 'package.json');
  if (existsSync(pkgPath)) {
    readableOrThrow(pkgPath);
    let pkg: unknown;
    try {
      pkg = JSON.parse(readFileSync(pkgPath, 'utf8'));
    } catch {
      // a broken package.json is not ours to judge unless it holds our key; look for it textually
      if (/"leakguard"\s*:\s*\{/.test(readFileSync(pkgPath, 'utf8'))) {
        throw new ConfigError(`${pkgPath} has a "leakguard" key but is not valid JSON; fix the JSON syntax in package.json.`);
      }
      return { filepath: undefined, config: undefined, ignoredCodeConfigs };
    }
    if (pkg && typeof pkg === 'object' && 'leakguard' in pkg) {
      return { filepath: `${pkgPath}#leakguard`, config: (pkg as Record<string, unknown>).leakguard, ignoredCodeConfigs };
    }
  }
  return { filepath: undefined, config: undefined, ignoredCodeConfigs };
}

/** Never block on a FIFO or misread a folder or a dangling link as a config. */
function readableOrThrow(filepath: string): void {
  const reason = notReadableReason(filepath, probeFile(filepath));
  if (reason) throw new ConfigError(`The config file ${reason}; replace it with a JSON or YAML file, or remove it.`);
}

async function loadWithCosmiconfig(root: string, filepath: string): Promise<unknown> {
  const { cosmiconfig, defaultLoaders } = await import('cosmiconfig');
  // a file named with an extension cosmiconfig does not know (my.leakguardrc) is read as
  // YAML/JSON, like an extension-less .leakguardrc
  const ext = extname(filepath).toLowerCase();
  const known = ['', '.json', '.yaml', '.yml', '.js', '.mjs', '.cjs', '.ts'];
  const loaders = known.includes(ext) ? {} : { [ext]: defaultLoaders.noExt };
  const explorer = cosmiconfig('leakguard', { searchStrategy: 'none', loaders });
  void root;
  try {
    const result = await explorer.load(filepath);
    if (!result || result.isEmpty) return {};
    return result.config;
  } catch (error) {
    const reason = parseErrorReason((error as Error).message);
    throw new ConfigError(`The config file ${filepath} cannot be parsed (${reason}); fix its syntax or remove it.`, { cause: error });
  }
}

/**
 * The one useful line of a parser's message: cosmiconfig wraps it as "JSON Error in FILE:" plus a
 * code frame; keep the parser's own sentence ("Expected property name or '}' in JSON at
 * position 2", "unexpected end of the stream within a flow collection (2:1)").
 */
export function parseErrorReason(message: string): string {
  const lines = message.split('\n').map((l) => l.trim());
  const useful = lines.slice(1).find((l) => l && !/^(?:>|\d|\||-{2,}|\^)/.test(l)) ?? lines[0] ?? 'unknown error';
  return useful.replace(/ while parsing .*$/, '').replace(/\s+/g, ' ').trim();
}
