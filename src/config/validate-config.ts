import { ConfigError } from '../errors.js';
import { findNestedQuantifier } from '../patterns/regex-safety.js';
import { DEFAULT_ENTROPY, DEFAULT_MAX_FILE_SIZE, type Allowlist, type Config, type EntropySettings } from './types.js';

const KNOWN_KEYS = ['$schema', 'rules', 'disabledRules', 'allowlist', 'allowlists', 'entropy', 'maxFileSize', 'baseline', 'envFile'];

/** Turn the raw config object into a Config, or throw a ConfigError naming the key path. */
export function validateConfig(raw: unknown, filepath: string | undefined): Config {
  const where = filepath ?? 'the config';
  const fail = (path: string, expected: string, example: string): never => {
    throw new ConfigError(`${where}: "${path}" must be ${expected}, for example ${example}; fix that key.`);
  };
  const config: Config = {
    filepath,
    rules: [],
    disabledRules: [],
    allowlists: [],
    entropy: { ...DEFAULT_ENTROPY },
    maxFileSize: DEFAULT_MAX_FILE_SIZE,
    baseline: undefined,
    envFile: undefined,
  };
  if (raw === undefined || raw === null) return config;
  if (typeof raw !== 'object' || Array.isArray(raw)) fail('(top level)', 'an object', '{"disabledRules": ["generic-password"]}');
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new ConfigError(`${where}: unknown key "${key}"; use one of ${KNOWN_KEYS.slice(1).join(', ')}.`);
    }
  }
  if (obj.rules !== undefined) {
    if (!Array.isArray(obj.rules)) fail('rules', 'an array of rule objects', '[{"id": "acme-token", "description": "Acme token", "regex": "acme_[a-z0-9]{32}"}]');
    config.rules = obj.rules as unknown[];
  }
  if (obj.disabledRules !== undefined) config.disabledRules = stringArray(obj.disabledRules, 'disabledRules', fail, '["generic-password"]');
  if (obj.allowlist !== undefined) config.allowlists.push(allowlist(obj.allowlist, 'allowlist', fail));
  if (obj.allowlists !== undefined) {
    if (!Array.isArray(obj.allowlists)) fail('allowlists', 'an array of allowlist objects', '[{"rules": ["generic-password"], "paths": ["test/**"]}]');
    (obj.allowlists as unknown[]).forEach((entry, i) => config.allowlists.push(allowlist(entry, `allowlists[${i}]`, fail)));
  }
  if (obj.entropy !== undefined) config.entropy = entropy(obj.entropy, fail);
  if (obj.maxFileSize !== undefined) {
    if (typeof obj.maxFileSize !== 'number' || !Number.isInteger(obj.maxFileSize) || obj.maxFileSize <= 0) {
      fail('maxFileSize', 'a positive whole number of bytes', '10485760');
    }
    config.maxFileSize = obj.maxFileSize as number;
  }
  if (obj.baseline !== undefined) {
    if (typeof obj.baseline !== 'string' || obj.baseline === '') fail('baseline', 'a file path', '".leakguard-baseline.json"');
    config.baseline = obj.baseline as string;
  }
  if (obj.envFile !== undefined) {
    if (typeof obj.envFile !== 'string' || obj.envFile === '' || obj.envFile.startsWith('/') || obj.envFile.split(/[\\/]/).includes('..')) fail('envFile', 'a path inside the repository', '".env.local"');
    config.envFile = obj.envFile as string;
  }
  return config;
}

type Fail = (path: string, expected: string, example: string) => never;

function stringArray(value: unknown, path: string, fail: Fail, example: string): string[] {
  if (!Array.isArray(value)) return fail(path, 'an array of strings', example);
  value.forEach((v, i) => {
    if (typeof v !== 'string' || v === '') fail(`${path}[${i}]`, 'a non-empty string', example);
  });
  return value as string[];
}

function allowlist(value: unknown, path: string, fail: Fail): Allowlist {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(path, 'an object', '{"paths": ["test/fixtures/**"], "regexes": ["^dummy"], "values": ["sha256:<hex>"]}');
  }
  const obj = value as Record<string, unknown>;
  const known = ['description', 'rules', 'paths', 'regexes', 'values', 'target'];
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) throw new ConfigError(`${path}: unknown key "${key}"; an allowlist takes ${known.join(', ')}.`);
  }
  const target = obj.target ?? 'secret';
  if (target !== 'secret' && target !== 'line') fail(`${path}.target`, '"secret" or "line"', '"line"');
  const list: Allowlist = {
    rules: obj.rules === undefined ? [] : stringArray(obj.rules, `${path}.rules`, fail, '["generic-password"]'),
    paths: obj.paths === undefined ? [] : stringArray(obj.paths, `${path}.paths`, fail, '["test/fixtures/**"]'),
    regexes: [],
    values: obj.values === undefined ? [] : stringArray(obj.values, `${path}.values`, fail, '["sha256:<64 hex characters>"]'),
    origin: path,
  };
  if (typeof obj.description === 'string') list.description = obj.description;
  list.values.forEach((v, i) => {
    if (v.startsWith('sha256:') && !/^sha256:[0-9a-f]{64}$/i.test(v)) fail(`${path}.values[${i}]`, 'sha256: followed by 64 hex characters', '"sha256:<64 hex characters>"');
  });
  if (obj.regexes !== undefined) {
    if (!Array.isArray(obj.regexes)) fail(`${path}.regexes`, 'an array of regex strings or {"regex", "target"} objects', '["^test_", {"regex": "fixture", "target": "line"}]');
    (obj.regexes as unknown[]).forEach((entry, i) => {
      const at = `${path}.regexes[${i}]`;
      let source: unknown = entry;
      let entryTarget: unknown = target;
      if (typeof entry === 'object' && entry !== null) {
        source = (entry as Record<string, unknown>).regex;
        entryTarget = (entry as Record<string, unknown>).target ?? target;
      }
      if (typeof source !== 'string' || source === '') fail(at, 'a regex string', '"^test_"');
      if (entryTarget !== 'secret' && entryTarget !== 'line') fail(`${at}.target`, '"secret" or "line"', '"line"');
      const danger = findNestedQuantifier(source as string);
      if (danger) throw new ConfigError(`${at} can backtrack catastrophically (${danger}); bound the inner repetition, for example [a-z]{1,40} instead of [a-z]+.`);
      try {
        list.regexes.push({ regex: new RegExp(source as string), source: source as string, target: entryTarget as 'secret' | 'line' });
      } catch (error) {
        throw new ConfigError(`${at} does not compile (${(error as Error).message}); fix the regex.`);
      }
    });
  }
  return list;
}

function entropy(value: unknown, fail: Fail): EntropySettings {
  const example = '{"minLength": 10, "minRelative": 0.8}';
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fail('entropy', 'an object', example);
  const settings: EntropySettings = { ...DEFAULT_ENTROPY };
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (!Object.hasOwn(DEFAULT_ENTROPY, key)) {
      throw new ConfigError(`entropy: unknown key "${key}"; use one of ${Object.keys(DEFAULT_ENTROPY).join(', ')}.`);
    }
    if (typeof v !== 'number' || !(v >= 0)) fail(`entropy.${key}`, 'a non-negative number', example);
    (settings as unknown as Record<string, number>)[key] = v as number;
  }
  return settings;
}
