import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSync, runSyncWay } from '../../src/sources/spawn-sync.js';
import { bindingsTested } from '../../src/util/builtin.js';
import { makeRepo } from '../helpers/git-repo.js';

// runSync is child_process.spawnSync without loading child_process (node 20's own binding):
// every case below is held equal to what spawnSync itself answers, with real programs and git.
const dir = mkdtempSync(join(tmpdir(), 'leakguard-spawn-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const script = (name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return path;
};

const both = (file: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; maxBuffer?: number } = {}) => {
  const o = { cwd: options.cwd ?? dir, env: options.env ?? process.env, maxBuffer: options.maxBuffer ?? 1024 * 1024 };
  const ours = runSync(file, args, o);
  const node = spawnSync(file, args, { ...o, stdio: ['ignore', 'pipe', 'pipe'] });
  return { ours, node };
};

describe('runSync', () => {
  it('runs through node\'s spawnSync binding on a tested node (child_process is the fallback elsewhere)', () => {
    expect(runSyncWay()).toBe(bindingsTested() ? 'binding' : 'child_process');
  });

  it('gives the same output, status and signal as spawnSync for a program that succeeds', () => {
    const repo = makeRepo({ initialCommit: true });
    try {
      repo.write('a.txt', 'one\ntwo\n');
      repo.git('add', 'a.txt');
      const { ours, node } = both('git', ['diff', '--cached', '-U0'], { cwd: repo.dir });
      expect(ours.error).toBeUndefined();
      expect(ours.status).toBe(0);
      expect(ours.signal).toBeNull();
      expect(ours.stdout.toString()).toContain('+one');
      expect(ours.stdout.equals(node.stdout)).toBe(true);
      expect(ours.stderr.equals(node.stderr)).toBe(true);
    } finally {
      repo.cleanup();
    }
  });

  it('passes stdout and stderr apart, the exit code, the folder and the environment', () => {
    const p = script('io.sh', 'echo "out $LG_TEST_VALUE"; pwd; echo "err" >&2; exit 3');
    const { ours, node } = both(p, [], { env: { ...process.env, LG_TEST_VALUE: 'v a l' } });
    expect(ours.status).toBe(3);
    expect(node.status).toBe(3);
    expect(ours.stdout.toString()).toBe(`out v a l\n${dir}\n`);
    expect(ours.stdout.equals(node.stdout)).toBe(true);
    expect(ours.stderr.toString()).toBe('err\n');
    expect(ours.error).toBeUndefined();
  });

  it('gives the program its input on stdin, as spawnSync\'s input does (git check-ignore --stdin)', () => {
    const repo = makeRepo({ initialCommit: true });
    try {
      repo.write('.gitignore', '.env\n*.log\n');
      const input = Buffer.from('.env\0src/app.ts\0debug.log\0notes/ünïcode name.txt\0', 'utf8');
      const args = ['check-ignore', '--no-index', '--stdin', '-z'];
      const o = { cwd: repo.dir, env: process.env, maxBuffer: 1024 * 1024, input };
      const ours = runSync('git', args, o);
      const node = spawnSync('git', args, { ...o, stdio: ['pipe', 'pipe', 'pipe'] });
      expect(ours.status).toBe(0);
      expect(ours.stdout.toString('utf8').split('\0').filter(Boolean)).toEqual(['.env', 'debug.log']);
      expect(ours.stdout.equals(node.stdout)).toBe(true);
      // no input: stdin is closed, and a program that reads it sees its end at once
      const closed = runSync('cat', [], { cwd: dir, env: process.env, maxBuffer: 1024 });
      expect(closed.status).toBe(0);
      expect(closed.stdout.length).toBe(0);
    } finally {
      repo.cleanup();
    }
  });

  it('passes arguments as they are: spaces, quotes, non-ASCII, an empty one', () => {
    const p = script('args.sh', 'for a in "$@"; do printf "[%s]" "$a"; done');
    const args = ['a b', "it's", 'caf\u00e9 \u4e2d', '', '--x=$HOME'];
    const { ours, node } = both(p, args);
    expect(ours.stdout.toString()).toBe(args.map((a) => `[${a}]`).join(''));
    expect(ours.stdout.equals(node.stdout)).toBe(true);
  });

  it('a program that is not there: ENOENT as an error, as spawnSync says it', () => {
    const { ours, node } = both(join(dir, 'no-such-program'), []);
    expect(ours.error?.code).toBe('ENOENT');
    expect(node.error && (node.error as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(ours.error?.message).toBe(node.error?.message);
    expect(ours.status).toBeNull();
  });

  it('output past maxBuffer: ENOBUFS, the program stopped, as spawnSync does', () => {
    const p = script('big.sh', 'head -c 300000 /dev/zero');
    const { ours, node } = both(p, [], { maxBuffer: 100_000 });
    expect(ours.error?.code).toBe('ENOBUFS');
    expect((node.error as NodeJS.ErrnoException).code).toBe('ENOBUFS');
  });

  it('a program killed by a signal: no status, the signal named', () => {
    const p = script('killed.sh', 'kill -TERM $$');
    const { ours, node } = both(p, []);
    expect(ours.status).toBeNull();
    expect(ours.signal).toBe('SIGTERM');
    expect(node.signal).toBe('SIGTERM');
    expect(ours.error).toBeUndefined();
  });

  it('a NUL byte in an argument is left to spawnSync, which refuses it', () => {
    expect(() => runSync('git', ['a\0b'], { cwd: dir, env: process.env, maxBuffer: 1024 })).toThrow(/null bytes/);
  });
});
