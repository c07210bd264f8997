/**
 * A fresh, flat copy of a string. V8 represents `slice()` of a long string as a view that keeps
 * the whole parent alive; a commit sha or a path kept for the length of a history scan would pin
 * the multi-megabyte chunk of `git log` output it was cut from. Anything retained past one
 * fragment goes through this.
 */
export function ownString(value: string): string {
  return value.length === 0 ? '' : Buffer.from(value, 'utf8').toString('utf8');
}
