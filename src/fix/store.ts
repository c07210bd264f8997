import { appendLines, envLine, exampleLines, parseEnv } from './env-file.js';
import type { EnvEntry, Fixed } from './types.js';

/**
 * Where the moved values go: new entries in the env file, their names in .env.example (when it
 * exists), and the env file in .gitignore (when git does not ignore it yet). Pure.
 */
export interface StoreInput {
  envPath: string;
  envBefore: string | undefined;
  exampleBefore: string | undefined;
  gitignoreBefore: string | undefined;
  /** Whether git ignores the env file now; undefined outside a repository. */
  envIgnored: boolean | undefined;
}

export interface StoreEdit {
  /** Repository-relative path. */
  path: string;
  before: string | undefined;
  after: string;
  /** Create with mode 0600 (the env file). */
  secret: boolean;
}

export function storeEdits(fixed: readonly Fixed[], input: StoreInput): { edits: StoreEdit[]; entries: EnvEntry[] } {
  const have = new Map(parseEnv(input.envBefore ?? '').map((e) => [e.name, e.value]));
  const entries: EnvEntry[] = [];
  for (const f of fixed) {
    if (have.get(f.envName) === f.target.secret) continue;
    have.set(f.envName, f.target.secret);
    entries.push({ name: f.envName, value: f.target.secret });
  }
  const edits: StoreEdit[] = [];
  if (!entries.length) return { edits, entries };
  const lines = entries.map((e) => envLine(e)!);
  edits.push({ path: input.envPath, before: input.envBefore, after: appendLines(input.envBefore ?? '', lines), secret: true });
  if (input.exampleBefore !== undefined) {
    const add = exampleLines(input.exampleBefore, entries.map((e) => e.name));
    if (add.length) edits.push({ path: exampleFor(input.envPath), before: input.exampleBefore, after: appendLines(input.exampleBefore, add), secret: false });
  }
  if (input.envIgnored === false) {
    const line = input.envPath.includes('/') ? `/${input.envPath}` : input.envPath;
    edits.push({ path: '.gitignore', before: input.gitignoreBefore, after: appendLines(input.gitignoreBefore ?? '', [line]), secret: false });
  }
  return { edits, entries };
}

/** .env -> .env.example, config/app.env -> config/app.env.example. */
export function exampleFor(envPath: string): string {
  return `${envPath}.example`;
}
