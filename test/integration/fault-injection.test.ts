import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCommits, makeRepo, testEnv, type TempRepo } from '../helpers/git-repo.js';
import { BIN, runCli, type CliResult } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * Fault injection: the environment breaks under leakguard (git missing or killed mid-stream, a
 * full disk, read-only or impossible output paths, special files where files are expected, a
 * closed stdin). Each run must end with exit 2 and one sentence, never a "clean" exit 0 or a
 * hang, and must leave no partial report or baseline (nor a stray temp file) behind.
 */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const token = () => expandTemplate('ghp_{{crc32b62:30}}');
const REAL_GIT = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();

/** Exit 2 with exactly one "leakguard: ..." sentence on stderr, no crash report. */
function failsWithOneSentence(r: CliResult, pattern: RegExp): void {
  expect(r.exitCode, r.stderr).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^leakguard: /);
  expect(lines[0]).toMatch(pattern);
  expect(r.stderr).not.toMatch(/crashed|\n\s+at /);
}

/** Only the files a test made itself: no temp file, partial report or baseline was left. */
function entries(dir: string): string[] {
  return readdirSync(dir).filter((e) => e !== '.git').sort();
}

/** A PATH whose `git` is the real git wrapped by a shell script (fault injection, not a mock). */
function wrappedGit(script: string): string {
  const bin = join(repo.dir, '..', 'fault-bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'git'), `#!/bin/sh\nREAL_GIT='${REAL_GIT}'\n${script}\n`);
  chmodSync(join(bin, 'git'), 0o755);
  return `${bin}:${process.env.PATH ?? ''}`;
}

describe('git breaks', () => {
  it('git missing from PATH: exit 2 naming git, for a staged scan and a history scan', () => {
    repo.write('a.js', `const t = "${token()}";\n`);
    repo.git('add', '-A');
    const empty = join(repo.dir, '..', 'empty-bin');
    mkdirSync(empty, { recursive: true });
    failsWithOneSentence(runCli(['--staged'], { cwd: repo.dir, env: { PATH: empty } }), /git could not be started.*install git/);
    failsWithOneSentence(runCli(['--all-commits'], { cwd: repo.dir, env: { PATH: empty } }), /git could not be started/);
  });

  it('git killed mid-stream in a history scan: exit 2, and no report even though a secret was already read', () => {
    // the oldest commit holds a secret, so the scan has a finding before git dies
    repo.write('first.js', `const t = "${token()}";\n`);
    repo.commit('secret first');
    for (let i = 0; i < 40; i++) {
      repo.write(`f${i}.txt`, `${'filler line\n'.repeat(200)}`);
      repo.commit(`filler ${i}`);
    }
    const PATH = wrappedGit('case " $* " in *" log "*) "$REAL_GIT" "$@" | head -c 20000; kill -9 $$ ;; *) exec "$REAL_GIT" "$@" ;; esac');
    writeFileSync(join(repo.dir, 'report.json'), 'previous report\n');
    const before = entries(repo.dir);
    const r = runCli(['--all-commits', '--output', 'report.json', '--format', 'json'], { cwd: repo.dir, env: { PATH } });
    failsWithOneSentence(r, /git log .*failed/);
    expect(entries(repo.dir)).toEqual(before);
    expect(readFileSync(join(repo.dir, 'report.json'), 'utf8')).toBe('previous report\n');
    // the same scan with an intact git finds the secret: the fault, not the repository, made it fail
    expect(runCli(['--all-commits'], { cwd: repo.dir }).exitCode).toBe(1);
  });

  it('one of several git processes failing mid-history: exit 2, though the others ended cleanly with a secret found', () => {
    repo.write('first.js', `const t = "${token()}";\n`);
    repo.commit('secret first');
    importCommits(repo, Array.from({ length: 1200 }, (_, i) => ({ file: `f${i % 9}.txt`, text: `filler ${i}\n`.repeat(20) })));
    // the second `git log` to start (a slice of newer commits) dies; the slice with the secret is intact
    const count = join(repo.dir, '..', 'log-count');
    const PATH = wrappedGit(
      `case " $* " in *" log "*) n=$(( $(cat '${count}' 2>/dev/null || echo 0) + 1 )); echo $n > '${count}'; if [ $n = 2 ]; then "$REAL_GIT" "$@" | head -c 3000; echo 'fatal: injected failure' >&2; exit 128; fi; exec "$REAL_GIT" "$@" ;; *) exec "$REAL_GIT" "$@" ;; esac`,
    );
    const r = runCli(['--all-commits', '--format', 'json'], { cwd: repo.dir, env: { PATH, LEAKGUARD_JOBS: '2' } });
    failsWithOneSentence(r, /git log .*failed \(fatal: injected failure\)/);
    expect(r.stdout).toBe('');
    expect(Number(readFileSync(count, 'utf8'))).toBeGreaterThanOrEqual(2);
    expect(runCli(['--all-commits'], { cwd: repo.dir, env: { LEAKGUARD_JOBS: '2' } }).exitCode).toBe(1);
  });

  it('git failing on the staged diff (a corrupt index): exit 2, never clean', () => {
    repo.write('a.js', 'const x = 1;\n');
    repo.git('add', '-A');
    writeFileSync(join(repo.dir, '.git', 'index'), 'not an index');
    failsWithOneSentence(runCli(['--staged'], { cwd: repo.dir }), /index|git .*failed/);
  });
});

describe('output that cannot be written', () => {
  beforeEach(() => {
    repo.write('a.js', `const t = "${token()}";\n`);
    repo.git('add', '-A');
  });

  it('a full disk (/dev/full) for --output: exit 2 with ENOSPC, and /dev/full is still the device', () => {
    const r = runCli(['--staged', '--output', '/dev/full'], { cwd: repo.dir });
    failsWithOneSentence(r, /Could not write \/dev\/full \(ENOSPC\)/);
    expect(execFileSync('stat', ['-c', '%F', '/dev/full'], { encoding: 'utf8' }).trim()).toBe('character special file');
    expect(readdirSync('/dev').filter((e) => e.includes('leakguard'))).toEqual([]);
  });

  it('a full disk (/dev/full) for the baseline: exit 2 with ENOSPC', () => {
    const r = runCli(['baseline', '--baseline', '/dev/full', '.'], { cwd: repo.dir });
    failsWithOneSentence(r, /baseline \/dev\/full \(ENOSPC\)/);
    expect(execFileSync('stat', ['-c', '%F', '/dev/full'], { encoding: 'utf8' }).trim()).toBe('character special file');
  });

  it('a read-only file system, a folder, and a path under a file: exit 2 and nothing left behind', () => {
    mkdirSync(join(repo.dir, 'out'));
    const before = entries(repo.dir);
    for (const [target, code] of [['/proc/version', /E(ROFS|NOENT|ACCES|PERM)/], ['out', /EISDIR/], ['a.js/report.txt', /ENOTDIR/]] as const) {
      failsWithOneSentence(runCli(['--staged', '--output', target], { cwd: repo.dir }), code);
      failsWithOneSentence(runCli(['baseline', '--baseline', target, '.'], { cwd: repo.dir }), code);
      expect(entries(repo.dir)).toEqual(before);
      expect(readdirSync(join(repo.dir, 'out'))).toEqual([]);
    }
    expect(readFileSync(join(repo.dir, 'a.js'), 'utf8')).toContain('const t');
  });
});

describe('standard output that goes away', () => {
  beforeEach(() => {
    repo.write('many.js', Array.from({ length: 300 }, (_, i) => `const t${i} = "${token()}";`).join('\n'));
    repo.git('add', '-A');
  });

  it('a full disk behind `>` is exit 2 with one sentence, not a crash', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --staged --format json > /dev/full`], { cwd: repo.dir, env: testEnv(), encoding: 'utf8' });
    failsWithOneSentence({ exitCode: r.status ?? -1, stdout: '', stderr: r.stderr }, /could not write the report to standard output \(ENOSPC\)/);
  });

  it('a non-blocking pipe as standard output (EAGAIN) still gets the whole report, in order', () => {
    // python3 hands leakguard a pipe with O_NONBLOCK set and reads it only after a pause, so the
    // report (well over a pipe's 64 KB) fills the pipe and a write answers EAGAIN
    const script = [
      'import fcntl, os, subprocess, sys, time',
      'r, w = os.pipe()',
      'fcntl.fcntl(w, fcntl.F_SETFL, fcntl.fcntl(w, fcntl.F_GETFL) | os.O_NONBLOCK)',
      'p = subprocess.Popen(sys.argv[1:], stdout=w)',
      'os.close(w)',
      'time.sleep(0.5)',
      'data = b""',
      'while True:',
      '    chunk = os.read(r, 65536)',
      '    if not chunk: break',
      '    data += chunk',
      'sys.stdout.buffer.write(data)',
      'sys.exit(p.wait())',
    ].join('\n');
    const r = spawnSync('python3', ['-c', script, process.execPath, BIN, '--staged', '--format', 'json'], { cwd: repo.dir, env: testEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout.length).toBeGreaterThan(2 * 65536);
    expect(JSON.parse(r.stdout).findings).toHaveLength(300);
    expect(r.stderr).not.toMatch(/EAGAIN|\n\s+at /);
  });

  it('a reader that stops early (`| head`) keeps the exit code and prints no stack trace', async () => {
    const child = spawn(process.execPath, [BIN, '--staged', '--format', 'json'], { cwd: repo.dir, env: testEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
    expect(code).toBe(1);
  });
});

describe('inputs that are not regular files', () => {
  // tests run as root, where chmod 000 does not stop a read: use FIFOs, folders and broken links
  const fifo = (path: string) => execFileSync('mkfifo', [join(repo.dir, path)]);

  it('a FIFO as --config, --baseline, .leakguardrc, the default baseline or .leakguardignore: exit 2, never a hang', () => {
    repo.write('a.js', 'const x = 1;\n');
    repo.git('add', 'a.js');
    fifo('pipe');
    failsWithOneSentence(runCli(['--staged', '--config', 'pipe'], { cwd: repo.dir }), /pipe is not a regular file/);
    failsWithOneSentence(runCli(['--staged', '--baseline', 'pipe'], { cwd: repo.dir }), /pipe is not a regular file/);
    for (const name of ['.leakguardrc', '.leakguard-baseline.json', '.leakguardignore']) {
      fifo(name);
      failsWithOneSentence(runCli(['--staged'], { cwd: repo.dir }), new RegExp(`${name.replace(/\./g, '\\.')} is not a regular file`));
      execFileSync('rm', [join(repo.dir, name)]);
    }
  });

  it('a folder where the config is expected: exit 2 saying it is not a file', () => {
    mkdirSync(join(repo.dir, '.leakguardrc'));
    failsWithOneSentence(runCli(['--staged'], { cwd: repo.dir }), /\.leakguardrc is not a regular file/);
  });

  it('a broken symlink as the config: exit 2, not a silent run with the defaults', () => {
    symlinkSync('missing.json', join(repo.dir, '.leakguardrc.json'));
    failsWithOneSentence(runCli(['--staged'], { cwd: repo.dir }), /\.leakguardrc\.json .*(missing|does not exist)/);
  });

  it('a FIFO or a broken symlink named as a PATH to scan: exit 2, not "no secrets in 0 files"', () => {
    fifo('named-pipe');
    symlinkSync('nowhere.env', join(repo.dir, 'broken.env'));
    failsWithOneSentence(runCli(['--no-gitignore', 'named-pipe'], { cwd: repo.dir }), /named-pipe is not a regular file/);
    failsWithOneSentence(runCli(['--no-gitignore', 'broken.env'], { cwd: repo.dir }), /broken\.env .*nowhere\.env.*does not exist/);
    failsWithOneSentence(runCli(['broken.env'], { cwd: repo.dir }), /broken\.env .*does not exist/);
  });

  it('a symlink named as a PATH is followed: the file it points to is scanned', () => {
    repo.write('real/secret.js', `const t = "${token()}";\n`);
    symlinkSync('real/secret.js', join(repo.dir, 'link.js'));
    expect(runCli(['--no-gitignore', 'link.js'], { cwd: repo.dir }).exitCode).toBe(1);
  });
});

describe('a file deleted between listing and reading', () => {
  it('is a read failure (exit 2) in a folder walk, not a silently smaller scan', async () => {
    const { readListed } = await import('../../src/sources/files.js');
    const items = await readListed(join(repo.dir, 'vanished.js'), { cwd: repo.dir, maxFileSize: 1 << 20, listedBy: 'walk' });
    expect(items).toEqual([{ type: 'skip', file: 'vanished.js', reason: 'unreadable', detail: 'ENOENT: deleted while the scan ran' }]);
  });

  it('is not an error when git lists a tracked file the user deleted from the working tree', async () => {
    const { readListed } = await import('../../src/sources/files.js');
    expect(await readListed(join(repo.dir, 'README.gone'), { cwd: repo.dir, maxFileSize: 1 << 20, listedBy: 'git' })).toEqual([]);
    expect(existsSync(join(repo.dir, 'README.gone'))).toBe(false);
  });
});

describe('--pre-push stdin closed early', () => {
  it('a line cut off mid-way is exit 2, and no ref line at all scans nothing (git sent nothing to push)', () => {
    const sha = repo.git('rev-parse', 'HEAD').trim();
    for (const cut of [`refs/heads/main ${sha} refs/heads/main ${sha.slice(0, 20)}`, `refs/heads/main ${sha} refs/he`, `refs/heads/main ${sha.slice(0, 7)}`]) {
      failsWithOneSentence(runCli(['--pre-push'], { cwd: repo.dir, input: cut }), /pre-push input line .* is not/);
    }
    expect(runCli(['--pre-push'], { cwd: repo.dir, input: '' }).exitCode).toBe(0);
  });
});
