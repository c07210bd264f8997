import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixCommand } from '../../src/cli/fix-command.js';
import type { Io } from '../../src/cli/types.js';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/** `leakguard fix` against real repositories: what it writes, what it stages, what it never touches. */
let repo: TempRepo;
beforeEach(() => {
  repo = makeRepo();
});
afterEach(() => repo.cleanup());

const token = () => expandTemplate('ghp_{{crc32b62:30}}');
const fix = (...args: string[]) => runCli(['fix', ...args], { cwd: repo.dir });
const read = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
const scanStaged = () => json(runCli(['--staged', '--format', 'json'], { cwd: repo.dir })).findings;

describe('leakguard fix --staged', () => {
  it('fixes the index and the working tree, keeps what was not staged unstaged, and writes .env', () => {
    const a = token();
    const b = token();
    repo.write('app.py', 'import os\n\nDEBUG = True\n');
    repo.commit('base');
    repo.write('app.py', `import os\n\nTOKEN = "${a}"\nDEBUG = True\n`);
    repo.git('add', 'app.py');
    // a later, unstaged change: another secret, which the staged fix must not stage
    repo.write('app.py', `import os\n\nTOKEN = "${a}"\nDEBUG = True\nOTHER = "${b}"\n`);
    const r = fix('--staged', '--yes');
    expect(r.exitCode).toBe(0);
    expect(repo.git('show', ':app.py')).toBe('import os\n\nTOKEN = os.environ["GITHUB_TOKEN"]\nDEBUG = True\n');
    expect(read('app.py')).toBe(`import os\n\nTOKEN = os.environ["GITHUB_TOKEN"]\nDEBUG = True\nOTHER = "${b}"\n`);
    // the index to working tree difference is exactly the unstaged line, as before
    expect(repo.git('diff', '--no-color', '-U0').split('\n').filter((l) => /^[-+][^-+]/.test(l))).toEqual([`+OTHER = "${b}"`]);
    expect(read('.env')).toBe(`GITHUB_TOKEN=${a}\n`);
    expect(statSync(join(repo.dir, '.env')).mode & 0o777).toBe(0o600);
    expect(read('.gitignore')).toBe('.env\n');
    // .env and .gitignore are written, never staged
    expect(repo.git('diff', '--cached', '--name-only').trim()).toBe('app.py');
    expect(scanStaged()).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain(a);
  });

  it('fixes only the index when the working-tree line differs, and says so', () => {
    const a = token();
    repo.write('a.js', `const t = "${a}";\n`);
    repo.git('add', 'a.js');
    repo.write('a.js', `const t = "${a}"; // edited after staging\n`);
    const r = fix('--staged', '--yes');
    expect(r.exitCode).toBe(1);
    expect(repo.git('show', ':a.js')).toBe('const t = process.env.GITHUB_TOKEN;\n');
    expect(read('a.js')).toBe(`const t = "${a}"; // edited after staging\n`);
    expect(r.stderr).toContain('the line in the working tree differs from the staged one');
  });

  it('keeps CRLF line endings and the file mode, in the index and the working tree', () => {
    const a = token();
    repo.write('deploy.sh', `#!/bin/sh\r\nexport GITHUB_TOKEN=${a}\r\necho ok\r\n`);
    chmodSync(join(repo.dir, 'deploy.sh'), 0o755);
    repo.git('add', 'deploy.sh');
    expect(fix('--staged', '--yes').exitCode).toBe(0);
    const want = '#!/bin/sh\r\nexport GITHUB_TOKEN="$GITHUB_TOKEN"\r\necho ok\r\n';
    expect(read('deploy.sh')).toBe(want);
    expect(repo.git('show', ':deploy.sh')).toBe(want);
    expect(statSync(join(repo.dir, 'deploy.sh')).mode & 0o777).toBe(0o755);
    expect(repo.git('ls-files', '-s', 'deploy.sh')).toMatch(/^100755 /);
  });

  it('is a no-op the second time', () => {
    repo.write('a.js', `const t = "${token()}";\n`);
    repo.git('add', 'a.js');
    expect(fix('--staged', '--yes').exitCode).toBe(0);
    const snapshot = [read('a.js'), read('.env'), read('.gitignore'), repo.git('ls-files', '-s')];
    const again = fix('--staged', '--yes');
    expect(again.exitCode).toBe(0);
    expect(again.stderr).toContain('nothing to fix');
    expect([read('a.js'), read('.env'), read('.gitignore'), repo.git('ls-files', '-s')]).toEqual(snapshot);
  });

  it('--dry-run prints a masked diff and writes nothing', () => {
    const a = token();
    repo.write('a.js', `const t = "${a}";\n`);
    repo.git('add', 'a.js');
    const before = repo.git('ls-files', '-s');
    const r = fix('--staged', '--dry-run');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toContain('+const t = process.env.GITHUB_TOKEN;');
    expect(r.stdout).toContain('+++ b/.env');
    expect(r.stdout + r.stderr).not.toContain(a);
    expect(r.stdout + r.stderr).not.toContain(a.slice(4, 20));
    expect(read('a.js')).toBe(`const t = "${a}";\n`);
    expect(repo.git('ls-files', '-s')).toBe(before);
    expect(() => read('.env')).toThrow();
  });

  it('asks before it writes, and needs --yes when not on a terminal', () => {
    repo.write('a.js', `const t = "${token()}";\n`);
    repo.git('add', 'a.js');
    const r = fix('--staged');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('pass --yes to apply, or --dry-run');
  });
});

describe('leakguard fix PATH', () => {
  it('reuses a name for the same value, gives a different value its own, and fills .env.example', async () => {
    const a = token();
    const b = token();
    repo.write('.env.example', 'LOG_LEVEL=info\n');
    repo.write('.gitignore', 'node_modules\n');
    repo.write('a.js', `const one = "${a}";\nconst two = "${b}";\nconst again = "${a}";\n`);
    const r = fix('--yes', 'a.js');
    expect(r.exitCode).toBe(0);
    expect(read('a.js')).toBe('const one = process.env.GITHUB_TOKEN;\nconst two = process.env.GITHUB_TOKEN_2;\nconst again = process.env.GITHUB_TOKEN;\n');
    expect(read('.env')).toBe(`GITHUB_TOKEN=${a}\nGITHUB_TOKEN_2=${b}\n`);
    expect(read('.env.example')).toBe('LOG_LEVEL=info\nGITHUB_TOKEN=\nGITHUB_TOKEN_2=\n');
    expect(read('.gitignore')).toBe('node_modules\n.env\n');
    expect(json(runCli(['--format', 'json', 'a.js', '.env.example'], { cwd: repo.dir })).findings).toEqual([]);
  });

  it('appends to an existing .env, keeping its mode, and does not touch a .gitignore that covers it', () => {
    const a = token();
    repo.write('.gitignore', '.env*\n!.env.example\n');
    repo.write('.env', 'PORT=3000');
    chmodSync(join(repo.dir, '.env'), 0o640);
    repo.write('a.js', `const t = "${a}";\n`);
    expect(fix('--yes', 'a.js').exitCode).toBe(0);
    expect(read('.env')).toBe(`PORT=3000\nGITHUB_TOKEN=${a}\n`);
    expect(statSync(join(repo.dir, '.env')).mode & 0o777).toBe(0o640);
    expect(read('.gitignore')).toBe('.env*\n!.env.example\n');
  });

  it('leaves JSON alone and says why', () => {
    const a = token();
    repo.write('config.json', `{\n  "token": "${a}"\n}\n`);
    const r = fix('--yes', 'config.json');
    expect(r.exitCode).toBe(1);
    expect(read('config.json')).toBe(`{\n  "token": "${a}"\n}\n`);
    expect(r.stderr).toContain('JSON cannot read the environment');
    expect(() => read('.env')).toThrow();
  });

  it('moves only the password out of a connection string', () => {
    const pw = expandTemplate('{{alnum:20}}');
    repo.write('db.py', `DATABASE_URL = "postgresql://app:${pw}@db.internal:5432/app"\n`);
    expect(fix('--yes', 'db.py').exitCode).toBe(0);
    expect(read('db.py')).toBe('import os\nDATABASE_URL = ("postgresql://app:" + os.environ["DATABASE_PASSWORD"] + "@db.internal:5432/app")\n');
    expect(read('.env')).toBe(`DATABASE_PASSWORD=${pw}\n`);
  });

  it('refuses a tracked .env, which would commit the values', () => {
    repo.write('.env', 'PORT=1\n');
    repo.commit('env');
    repo.write('a.js', `const t = "${token()}";\n`);
    const r = fix('--yes', 'a.js');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('.env is tracked by git');
  });

  it('writes to the env file the config names', () => {
    const a = token();
    repo.write('.leakguardrc.json', '{"envFile": ".env.local"}\n');
    repo.write('a.js', `const t = "${a}";\n`);
    expect(fix('--yes', 'a.js').exitCode).toBe(0);
    expect(read('.env.local')).toBe(`GITHUB_TOKEN=${a}\n`);
    expect(read('.gitignore')).toBe('.env.local\n');
  });

  it('asks per file on a terminal and leaves a file the user declines', async () => {
    const a = token();
    repo.write('a.js', `const t = "${a}";\n`);
    repo.write('b.py', `TOKEN = "${token()}"\n`);
    const out: string[] = [];
    const io: Io = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), stdin: async () => '', env: process.env, cwd: repo.dir, isTTY: true, stderrIsTTY: true };
    const asked: string[] = [];
    const ask = async (q: string) => {
      asked.push(q);
      return q.includes('a.js') ? 'n' : 'y';
    };
    expect(await fixCommand({ staged: false, paths: ['.'], dryRun: false, yes: false, ask }, io)).toBe(1);
    expect(asked).toEqual(['Apply the change to a.js? [y/N] ', 'Apply the change to b.py? [y/N] ']);
    expect(read('a.js')).toBe(`const t = "${a}";\n`);
    // names are planned before the answers, so b.py may read GITHUB_TOKEN_2; .env holds what it reads
    const name = /os\.environ\["(\w+)"\]/.exec(read('b.py'))![1]!;
    expect(read('b.py')).toBe(`import os\nTOKEN = os.environ["${name}"]\n`);
    expect(read('.env')).toMatch(new RegExp(`^${name}=\\S+\\n$`));
    expect(read('.env')).not.toContain(a);
    expect(out.join('')).not.toContain(a);
  });

  it('names the variable of a custom rule without envVar after the rule id', () => {
    const v = `acme_${expandTemplate('{{lowernum:32}}')}`;
    repo.write('.leakguardrc.json', JSON.stringify({ rules: [{ id: 'acme-key', description: 'Acme key', regex: '\\b(acme_[a-z0-9]{32})\\b', keywords: ['acme_'], secretGroup: 1 }] }));
    repo.write('a.js', `const client = connect("${v}");\n`);
    const scanned = json(runCli(['--format', 'json', 'a.js'], { cwd: repo.dir })).findings;
    expect(scanned.map((f) => (f.suggestion as { envVar: string }).envVar)).toEqual(['ACME_KEY']);
    expect(fix('--yes', 'a.js').exitCode).toBe(0);
    expect(read('a.js')).toBe('const client = connect(process.env.ACME_KEY);\n');
    expect(read('.env')).toBe(`ACME_KEY=${v}\n`);
  });

  it('rejects an envFile outside the repository (exit 2, naming the key)', () => {
    repo.write('.leakguardrc.json', '{"envFile": "../.env"}\n');
    repo.write('a.js', `const t = "${token()}";\n`);
    const r = fix('--yes', 'a.js');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toContain('"envFile" must be a path inside the repository');
  });

  it('refuses with exit 2 when the file changed since the scan, and writes nothing', async () => {
    const a = token();
    repo.write('a.js', `const t = "${a}";\n`);
    const out: string[] = [];
    const io: Io = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), stdin: async () => '', env: process.env, cwd: repo.dir, isTTY: false, stderrIsTTY: false };
    const ask = async () => {
      writeFileSync(join(repo.dir, 'a.js'), `const t = "${a}"; // edited meanwhile\n`);
      return 'y';
    };
    await expect(fixCommand({ staged: false, paths: ['a.js'], dryRun: false, yes: false, ask }, io)).rejects.toThrow(/a\.js changed since leakguard scanned it/);
    expect(read('a.js')).toBe(`const t = "${a}"; // edited meanwhile\n`);
    expect(out.join('')).not.toContain(a);
    const r = runCli(['fix', '--yes', 'a.js'], { cwd: repo.dir });
    expect(r.exitCode).toBe(0);
  });
});

describe('the hook', () => {
  it('names leakguard fix --staged when every finding is fixable, and not otherwise', () => {
    repo.write('a.js', `const t = "${token()}";\n`);
    repo.git('add', 'a.js');
    const r = runCli(['--staged'], { cwd: repo.dir });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('run `leakguard fix --staged`');
    repo.write('b.json', `{"token": "${token()}"}\n`);
    repo.git('add', 'b.json');
    expect(runCli(['--staged'], { cwd: repo.dir }).stderr).not.toContain('leakguard fix --staged');
  });
});
