/** The git hooks leakguard can install, and the leakguard arguments each one runs. */
export const HOOKS = {
  'pre-commit': { args: '--staged', stdin: false },
  'pre-push': { args: '--pre-push', stdin: true },
} as const;
export type HookName = keyof typeof HOOKS;

/** The line that marks a hook file as leakguard's: install updates it, uninstall removes it. */
export const HOOK_MARKER = '# leakguard-hook: written by `leakguard install`; `leakguard uninstall` removes it.';

/** Where an existing hook is moved when leakguard chains it instead of replacing it. */
export function chainedName(hook: HookName): string {
  return `${hook}.leakguard-chained`;
}

export function isLeakguardHook(text: string): boolean {
  return text.includes(HOOK_MARKER);
}

/** True when a leakguard hook runs a chained original (so uninstall must put it back). */
export function chainsOriginal(text: string): boolean {
  return /^chained=/m.test(text);
}

/** The leakguard that ran `leakguard install`, by absolute path: the hook's last resort before npx. */
export interface HookFallback {
  bin: string;
  node: string;
}

/**
 * The hook: POSIX sh with LF endings and no bashisms, so it runs under dash, busybox and Git Bash,
 * and never reads the terminal (GUI clients and CI have none). It runs a chained original first and
 * stops with that hook's exit code, then the project's own leakguard (node_modules/.bin), one on
 * PATH, the copy that ran `leakguard install` (its absolute path), or one npx can find without
 * installing anything; with none, it blocks with the fix.
 * Git runs hooks from the top of the working tree, so relative paths are from there.
 */
export function hookScript(hook: HookName, options: { chain: boolean; fallback?: HookFallback | undefined }): string {
  const { args, stdin } = HOOKS[hook];
  const bypass = hook === 'pre-commit' ? 'git commit --no-verify' : 'git push --no-verify';
  const lines = [
    '#!/bin/sh',
    HOOK_MARKER,
    `# Runs \`leakguard ${args}\` before each ${hook === 'pre-commit' ? 'commit' : 'push'}. Skip it once with \`${bypass}\`.`,
    '',
  ];
  if (stdin) {
    lines.push(
      '# git passes the refs being pushed on stdin; keep them for every command below',
      'input=$(cat)',
      'if [ -n "$input" ]; then input="$input',
      '"; fi',
      '',
    );
  }
  const feed = stdin ? `printf '%s' "$input" | ` : '';
  if (options.chain) {
    lines.push(
      `chained="\${0%/*}/${chainedName(hook)}"`,
      'if [ -f "$chained" ] && [ -x "$chained" ]; then',
      `  ${feed}"$chained" "$@" || exit $?`,
      'fi',
      '',
    );
  }
  lines.push(
    'if [ -x node_modules/.bin/leakguard ]; then',
    `  ${feed}node_modules/.bin/leakguard ${args}`,
    'elif command -v leakguard >/dev/null 2>&1; then',
    `  ${feed}leakguard ${args}`,
    ...(options.fallback
      ? [
          `elif [ -f ${shQuote(options.fallback.bin)} ] && [ -x ${shQuote(options.fallback.node)} ]; then`,
          `  ${feed}${shQuote(options.fallback.node)} ${shQuote(options.fallback.bin)} ${args}`,
          `elif [ -f ${shQuote(options.fallback.bin)} ] && command -v node >/dev/null 2>&1; then`,
          `  ${feed}node ${shQuote(options.fallback.bin)} ${args}`,
        ]
      : []),
    'elif command -v npx >/dev/null 2>&1 && npx --no-install leakguard --version >/dev/null 2>&1; then',
    `  ${feed}npx --no-install leakguard ${args}`,
    'else',
    `  echo "leakguard: the ${hook} hook could not find leakguard; run \\\`npm install --save-dev leakguard\\\` (or \\\`npm install\\\` in this project), or skip the check once with \\\`${bypass}\\\`." >&2`,
    '  exit 2',
    'fi',
    '',
  );
  return lines.join('\n');
}

/** Single-quote a string for POSIX sh. */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
