import { UsageError } from '../errors.js';
import { ExitCode } from './exit-code.js';
import type { ParsedArgs } from './options.js';
import type { Io } from './run.js';

export async function installCommand(_args: ParsedArgs, _io: Io): Promise<ExitCode> {
  throw new UsageError('install is not available yet; add `npx --no-install leakguard --staged` to your pre-commit hook by hand.');
}
