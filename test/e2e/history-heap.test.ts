import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { BIN, json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * A history scan runs in a second node started with a small young generation (bin/leakguard.js):
 * the flag must reach that process, the report and exit code must come through it unchanged, a
 * signal to leakguard must end it, and the hook must stay one process. Each node records itself
 * through a preload (NODE_OPTIONS reaches both).
 */
let repo: TempRepo;
let dir: string;
let token: string;
beforeAll(() => {
  repo = makeRepo();
  token = expandTemplate('ghp_{{crc32b62:30}}');
  repo.write('app.js', `const t = "${token}";\n`);
  repo.git('add', '-A');
  repo.git('commit', '-qm', 'add a token');
  dir = mkdtempSync(join(tmpdir(), 'leakguard-heap-'));
  writeFileSync(
    join(dir, 'record.cjs'),
    `require('node:fs').appendFileSync(process.env.RECORD, JSON.stringify({ pid: process.pid, execArgv: process.execArgv, extraCerts: process.env.NODE_EXTRA_CA_CERTS ?? null }) + '\\n');
if (process.env.HOLD && process.execArgv.includes('--max-semi-space-size=4')) {
  require('node:fs').writeFileSync(process.env.HOLD, String(process.pid));
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20000);
}
`,
  );
});
afterAll(() => {
  repo.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const records = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { pid: number; execArgv: string[]; extraCerts: string | null });

describe('the history scan process', () => {
  it('runs --all-commits in a node with a 4 MB semi-space and passes its report and exit code on', () => {
    const record = join(dir, 'all.jsonl');
    const r = runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir, env: { NODE_OPTIONS: `--require ${join(dir, 'record.cjs')}`, RECORD: record } });
    expect(r.exitCode).toBe(1);
    expect(json(r).findings.map((f) => f.ruleId)).toContain('github-pat-classic');
    const seen = records(record);
    expect(seen).toHaveLength(2);
    expect(seen.filter((s) => s.execArgv.includes('--max-semi-space-size=4'))).toHaveLength(1);
  });

  it('inlines less in the scanning process on the V8 versions known to have the flag', () => {
    const record = join(dir, 'inline.jsonl');
    const r = runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir, env: { NODE_OPTIONS: `--require ${join(dir, 'record.cjs')}`, RECORD: record } });
    expect(r.exitCode).toBe(1);
    const major = Number(process.versions.v8.split('.')[0]);
    const child = records(record).find((s) => s.execArgv.includes('--max-semi-space-size=4'));
    expect(child?.execArgv.includes('--max-inlined-bytecode-size=80')).toBe(major >= 11 && major <= 14);
  });

  it('starts the scanning process without NODE_EXTRA_CA_CERTS, which it has no use for', () => {
    const record = join(dir, 'certs.jsonl');
    const certs = join(dir, 'extra-ca.pem');
    writeFileSync(certs, '');
    const r = runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir, env: { NODE_OPTIONS: `--require ${join(dir, 'record.cjs')}`, RECORD: record, NODE_EXTRA_CA_CERTS: certs } });
    expect(r.exitCode).toBe(1);
    const seen = records(record);
    expect(seen.find((s) => !s.execArgv.includes('--max-semi-space-size=4'))?.extraCerts).toBe(certs);
    expect(seen.find((s) => s.execArgv.includes('--max-semi-space-size=4'))?.extraCerts).toBeNull();
  });

  it('passes a usage error on with exit code 2', () => {
    const r = runCli(['--range', 'no-such-branch..HEAD'], { cwd: repo.dir });
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^leakguard: .*no-such-branch.*\n$/);
  });

  it('keeps the hook in one process', () => {
    const record = join(dir, 'staged.jsonl');
    repo.write('more.js', 'const x = 1;\n');
    repo.git('add', 'more.js');
    const r = runCli(['--staged'], { cwd: repo.dir, env: { NODE_OPTIONS: `--require ${join(dir, 'record.cjs')}`, RECORD: record } });
    expect(r.exitCode).toBe(0);
    expect(records(record)).toEqual([expect.objectContaining({ execArgv: [] })]);
  });

  it('ends the scanning process when leakguard gets SIGTERM, and dies of the same signal', async () => {
    const record = join(dir, 'term.jsonl');
    const hold = join(dir, 'hold.pid');
    const child = spawn(process.execPath, [BIN, '--all-commits'], {
      cwd: repo.dir,
      env: testEnv({ NODE_OPTIONS: `--require ${join(dir, 'record.cjs')}`, RECORD: record, HOLD: hold }),
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    for (let i = 0; i < 200 && !existsSync(hold); i++) await new Promise((r) => setTimeout(r, 50));
    const scanner = Number(readFileSync(hold, 'utf8'));
    child.kill('SIGTERM');
    expect(await exited).toBe('SIGTERM');
    let alive = true;
    for (let i = 0; i < 40 && alive; i++) {
      try {
        process.kill(scanner, 0);
        await new Promise((r) => setTimeout(r, 50));
      } catch {
        alive = false;
      }
    }
    expect(alive).toBe(false);
  });
});
