/**
 * Errors that end a scan with exit code 2. Each carries one plain sentence that names the
 * problem and the next step; the CLI prints `message` and nothing else unless --verbose.
 */
export class LeakguardError extends Error {
  override name = 'LeakguardError';
}

export class UsageError extends LeakguardError {
  override name = 'UsageError';
}

export class ConfigError extends LeakguardError {
  override name = 'ConfigError';
}

export class PatternError extends LeakguardError {
  override name = 'PatternError';
}

export class GitError extends LeakguardError {
  override name = 'GitError';
}

export class InputError extends LeakguardError {
  override name = 'InputError';
}
