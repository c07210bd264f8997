import type { Language } from '../../util/file-type.js';
import { readValue } from './assignment.js';
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

/** XML elements and name/value attributes: <password>…</password>, <add key="DbPass" value="…"/>. */
const XML_ELEMENT = /<([\w.:-]{1,80})(\s[^<>]{0,300})?>([^<>\s]{1,500})<\/\1>/g;
const XML_NAME_ATTR = /\b(?:name|key)\s{0,2}=\s{0,2}"([^"]{1,100})"/;
const XML_VALUE_ATTR = /\bvalue\s{0,2}=\s{0,2}"([^"]{0,500})"/;

export function xmlAssignments(line: string): Pair[] {
  const out: Pair[] = [];
  XML_ELEMENT.lastIndex = 0;
  for (let m = XML_ELEMENT.exec(line); m; m = XML_ELEMENT.exec(line)) {
    const attrs = m[2] ?? '';
    const named = XML_NAME_ATTR.exec(attrs);
    const key = named?.[1] ?? m[1]!;
    const start = m.index + m[0].indexOf('>') + 1;
    out.push({ key, parsed: { value: m[3]!, start, end: start + m[3]!.length } });
  }
  // <add key="DbPassword" value="..."/>
  const named = XML_NAME_ATTR.exec(line);
  const valued = XML_VALUE_ATTR.exec(line);
  if (named && valued) {
    const start = valued.index + valued[0].indexOf('"') + 1;
    out.push({ key: named[1]!, parsed: { value: valued[1]!, start, end: start + valued[1]!.length } });
  }
  return out;
}

/**
 * Keys written as byte arrays: `KEY = []byte{0x1f, …}`, `byte[] SECRET = {12, -7, …}`,
 * `aesKey := lorawan.AES128Key{…}`, `SALT = [0x…, …]`. The bytes are judged as hex, like any
 * generated value (so counting runs and zeros are left out); the report spans the literal.
 */
const BYTE_ARRAY = /([A-Za-z_][\w.]{0,80})\s{0,2}(?:\[\s{0,2}\])?\s{0,2}(?::=|=(?!=)|:(?![:=]))\s{0,3}(?:new\s{1,3}[\w.]{1,40}\s{0,2}\[\s{0,2}\d{0,4}\s{0,2}\]\s{0,2}|\[\]byte|[\w.]{1,60}(?=\{)|bytes\(|bytearray\()?[{[]([^{}[\]]{24,3000})[}\]]/g;
const BYTE = /^(?:0x[0-9a-f]{1,2}|-?\d{1,3})$/i;

export function byteArrays(line: string): Pair[] {
  const out: Pair[] = [];
  BYTE_ARRAY.lastIndex = 0;
  for (let m = BYTE_ARRAY.exec(line); m; m = BYTE_ARRAY.exec(line)) {
    const items = m[2]!.split(',').map((x) => x.trim()).filter(Boolean);
    if (items.length < 8 || !items.every((x) => BYTE.test(x))) continue;
    const bytes = items.map((x) => Number(x) & 0xff);
    const start = m.index + m[0].length - m[2]!.length - 1;
    const value = m[2]!;
    out.push({ key: m[1]!, parsed: { value, start, end: start + value.length, judged: Buffer.from(bytes).toString('hex') } });
  }
  return out;
}
