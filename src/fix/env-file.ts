import type { EnvEntry } from './types.js';

/** The env file, .env.example and .gitignore as text: read entries, append new ones. Pure. */

export function parseEnv(text: string): EnvEntry[] {
  const out: EnvEntry[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) continue;
    let value = m[2]!.trim();
    const q = value[0];
    if ((q === '"' || q === "'") && value.endsWith(q) && value.length >= 2) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, '');
    out.push({ name: m[1]!, value });
  }
  return out;
}

/** NAME=value, quoted so that dotenv, docker compose and `set -a; . ./.env` read the same value. */
export function envLine(entry: EnvEntry): string | undefined {
  const v = entry.value;
  if (/[\r\n\0]/.test(v)) return undefined;
  if (/^[\w\-./+:@%,^=]*$/.test(v)) return `${entry.name}=${v}`;
  if (!v.includes("'")) return `${entry.name}='${v}'`;
  if (!/["\\$`]/.test(v)) return `${entry.name}="${v}"`;
  return undefined;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Append lines, keeping the file's line endings and ending it with a newline. */
export function appendLines(text: string, lines: readonly string[]): string {
  if (!lines.length) return text;
  const eol = eolOf(text);
  const head = text && !text.endsWith('\n') ? text + eol : text;
  return head + lines.map((l) => l + eol).join('');
}

/** The names .env.example lacks, as NAME= lines. */
export function exampleLines(example: string, names: readonly string[]): string[] {
  const have = new Set(parseEnv(example).map((e) => e.name));
  return [...new Set(names)].filter((n) => !have.has(n)).map((n) => `${n}=`);
}
