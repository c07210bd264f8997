import { afterEach, describe, expect, it } from 'vitest';
import { MALLOC_TUNABLES, logEnv } from '../../src/sources/history/parallel-logs.js';

/** History's git processes get glibc malloc settings that spare them page faults, and a user's own settings still win. */
const saved = process.env.GLIBC_TUNABLES;
afterEach(() => {
  if (saved === undefined) delete process.env.GLIBC_TUNABLES;
  else process.env.GLIBC_TUNABLES = saved;
});

describe('the history git processes\' environment', () => {
  it('sets the malloc thresholds when the user set none', () => {
    delete process.env.GLIBC_TUNABLES;
    expect(logEnv().GLIBC_TUNABLES).toBe(MALLOC_TUNABLES);
    expect(MALLOC_TUNABLES).toMatch(/^glibc\.malloc\.mmap_threshold=\d+:glibc\.malloc\.trim_threshold=\d+$/);
  });

  it('puts the user\'s own tunables after them, so that theirs win, and keeps git\'s safe settings', () => {
    process.env.GLIBC_TUNABLES = 'glibc.malloc.mmap_threshold=4096';
    const env = logEnv();
    expect(env.GLIBC_TUNABLES).toBe(`${MALLOC_TUNABLES}:glibc.malloc.mmap_threshold=4096`);
    expect(env.GIT_TERMINAL_PROMPT).toBe('0');
    expect(env.LC_ALL).toBe('C');
  });
});
