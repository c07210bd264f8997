import type { Language } from '../../util/file-type.js';
import { readValue } from './read-value.js';
import type { Pair } from './types.js';

const NAME_LINE = /^\s{0,40}-?\s{0,4}name:\s{0,4}["']?([A-Za-z_][\w.-]{0,80})["']?\s{0,4}$/;
const VALUE_LINE = /^(\s{0,40}value:\s{0,4})(.{1,1000})$/;
const YAML_FAMILY = new Set<Language>(['yaml', 'kubernetes', 'docker-compose', 'github-actions', 'gitlab-ci']);

/** Kubernetes and compose env lists, over two lines: "- name: DB_PASSWORD" then "value: ...". */
export function envListPair(line: string, language: Language, previous: string | undefined): Pair | undefined {
  if (previous === undefined || !YAML_FAMILY.has(language)) return undefined;
  const name = NAME_LINE.exec(previous);
  const value = name ? VALUE_LINE.exec(line) : null;
  if (!name || !value) return undefined;
  const parsed = readValue(line, value[1]!.length, true);
  return parsed ? { key: name[1]!, parsed } : undefined;
}
