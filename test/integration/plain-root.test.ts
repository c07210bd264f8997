import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { plainRepoRoot } from '../../src/sources/plain-root.js';

/** What `git rev-parse --show-toplevel` says in `cwd` (the oracle), or undefined. */
function gitTop(cwd: string, env: NodeJS.ProcessEnv = {}): string | undefined {
  const r = spawnSync('git', ['rev-parse', '--show-toplevel'], { cwd, env: testEnv(env), encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

describe('the repository root found without git (the hook saves a git process)', () => {
  let repo: TempRepo;
  const saved = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('GIT_')));
  beforeAll(() => {
    for (const k of Object.keys(saved)) delete process.env[k];
    repo = makeRepo({ initialCommit: true });
    mkdirSync(join(repo.dir, 'sub', 'deeper'), { recursive: true });
  });
  afterAll(() => {
    Object.assign(process.env, saved);
    repo.cleanup();
  });

  it('is the top folder, as git says, from the top, a subfolder and through a symbolic link', () => {
    const link = `${repo.dir}-link`;
    symlinkSync(repo.dir, link);
    for (const cwd of [repo.dir, join(repo.dir, 'sub', 'deeper'), join(link, 'sub')]) {
      expect(plainRepoRoot(cwd), cwd).toBe(repo.dir);
      expect(gitTop(cwd)).toBe(repo.dir);
    }
  });

  it('leaves git to decide inside .git, in a linked worktree, and with GIT_DIR or core.worktree set', () => {
    expect(plainRepoRoot(join(repo.dir, '.git'))).toBeUndefined();
    const wt = `${repo.dir}-wt`;
    repo.git('worktree', 'add', '-q', wt);
    expect(plainRepoRoot(wt)).toBeUndefined();
    expect(gitTop(wt)).toBe(wt);
    process.env.GIT_DIR = join(repo.dir, '.git');
    try {
      expect(plainRepoRoot(repo.dir)).toBeUndefined();
    } finally {
      delete process.env.GIT_DIR;
    }
    repo.git('config', 'core.worktree', join(repo.dir, 'sub'));
    try {
      expect(plainRepoRoot(repo.dir)).toBeUndefined();
    } finally {
      repo.git('config', '--unset', 'core.worktree');
    }
    expect(plainRepoRoot(repo.dir)).toBe(repo.dir);
  });

  it('is nothing outside any repository, like git', () => {
    const outside = join(repo.dir, '..');
    expect(plainRepoRoot(outside)).toBe(gitTop(outside));
  });
});
