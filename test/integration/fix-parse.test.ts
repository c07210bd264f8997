import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRepo, type TempRepo } from '../helpers/git-repo.js';
import { json, runCli } from '../helpers/run-cli.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * Every language and format `leakguard fix` rewrites, rewritten by the real command in a real
 * repository, then checked by a parser of that language: the result still parses (or compiles),
 * reads the values from the environment, and scans clean.
 */
const T = () => expandTemplate('ghp_{{crc32b62:30}}');
const P = () => expandTemplate('{{alnum:20}}');

const FILES: Record<string, string> = {
  'src/app.js': `const token = "${T()}";\nconst url = \`postgres://app:${P()}@db:5432/app\`;\nmodule.exports = { token, url, headers: { Authorization: 'Bearer ${T()}' } };\n`,
  'src/client.ts': `export const token: string = '${T()}';\nexport class Client {\n  readonly url = "postgresql://app:${P()}@db:5432/app";\n}\n`,
  'app/settings.py': `"""Settings."""\nfrom __future__ import annotations\n\nname = "app"\nTOKEN = "${T()}"\nDATABASE_URL = f"postgresql://app:${P()}@db:5432/{name}"\n`,
  'scripts/deploy.sh': `#!/bin/sh\nexport GITHUB_TOKEN=${T()}\ncurl -H 'Authorization: token ${T()}' https://api.github.com\npsql "postgresql://app:${P()}@db:5432/app"\n`,
  'config/app.yaml': `service:\n  token: ${T()}\n  quoted: "${T()}"\n  database: postgresql://app:${P()}@db:5432/app\n`,
  'docker-compose.yml': `services:\n  web:\n    environment:\n      - GITHUB_TOKEN=${T()}\n  worker:\n    environment:\n      OTHER: "${T()}"\n`,
  '.github/workflows/ci.yml': `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n        env:\n          GH_TOKEN: ${T()}\n`,
  '.gitlab-ci.yml': `variables:\n  GITHUB_TOKEN: ${T()}\nbuild:\n  script: make\n`,
  'k8s/deployment.yaml': `apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: GITHUB_TOKEN\n              value: "${T()}"\n`,
  'infra/main.tf': `locals {\n  token = "${T()}"\n  url   = "postgresql://app:${P()}@db:5432/app"\n}\n`,
  'src/Main.java': `class Main {\n  static final String TOKEN = "${T()}";\n  String url = "postgresql://app:${P()}@db:5432/app";\n}\n`,
  'config/app.toml': `[service]\ntoken = "${T()}"\n`,
  'config/app.ini': `[service]\ntoken = ${T()}\n`,
  'config/app.properties': `service.token=${T()}\ndatabase.url=postgresql://app:${P()}@db:5432/app\n`,
  'notebooks/report.ipynb': JSON.stringify(
    {
      cells: [
        { cell_type: 'markdown', metadata: {}, source: ['# Report\n'] },
        { cell_type: 'code', execution_count: 1, metadata: {}, outputs: [], source: [`TOKEN = "${T()}"\n`, `URL = "postgresql://app:${P()}@db:5432/app"`] },
      ],
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  ) + '\n',
  'cmd/app/main.go': `package main\n\nimport (\n\t"fmt"\n)\n\nconst apiToken = "${T()}"\n\nconst (\n\tretries = 3\n\tdsn     = "postgresql://app:${P()}@db:5432/app"\n)\n\nfunc main() {\n\tfmt.Println(apiToken, dsn, retries)\n}\n`,
  'config/initializers/github.rb': `Octokit.configure do |c|\n  c.access_token = '${T()}'\nend\nDATABASE_URL = "postgresql://app:${P()}@db:5432/app"\n`,
  'config/services.php': `<?php\nreturn [\n    'github_token' => '${T()}',\n    'dsn' => "postgresql://app:${P()}@db:5432/app",\n];\n`,
  'pom.xml': `<?xml version="1.0"?>\n<project>\n  <properties>\n    <github.token>${T()}</github.token>\n  </properties>\n</project>\n`,
};

let repo: TempRepo;
let fixed: ReturnType<typeof runCli>;
beforeAll(() => {
  repo = makeRepo();
  for (const [path, text] of Object.entries(FILES)) repo.write(path, text);
  fixed = runCli(['fix', '--yes', '.'], { cwd: repo.dir });
});
afterAll(() => repo.cleanup());

const text = (path: string) => readFileSync(join(repo.dir, path), 'utf8');
const ok = (cmd: string, args: string[], input?: string) => {
  const r = spawnSync(cmd, args, { cwd: repo.dir, input, encoding: 'utf8' });
  return { status: r.error ? -1 : r.status, stderr: r.stderr };
};
const has = (cmd: string) => !spawnSync(cmd, ['--version'], { encoding: 'utf8' }).error;
const python = (code: string, path: string) => ok('python3', ['-c', code, path]);

describe('leakguard fix: each rewrite parses', () => {
  it('fixes every finding in these files and the rescan finds none', () => {
    expect(fixed.stderr).not.toContain('left as');
    expect(fixed.exitCode).toBe(0);
    const rescan = json(runCli(['--format', 'json', '.'], { cwd: repo.dir }));
    expect(rescan.findings.map((f) => `${String(f.file)}:${String(f.line)}`)).toEqual([]);
    for (const path of Object.keys(FILES)) expect(text(path)).not.toBe(FILES[path]);
  });

  it('JavaScript: node --check', () => {
    expect(text('src/app.js')).toMatch(/`postgres:\/\/app:\$\{process\.env\.DATABASE_PASSWORD(_\d+)?\}@db:5432\/app`/);
    expect(ok(process.execPath, ['--check', 'src/app.js'])).toMatchObject({ status: 0 });
  });

  it("TypeScript: the typescript package's syntactic diagnostics", () => {
    const out = ts.transpileModule(text('src/client.ts'), { reportDiagnostics: true, compilerOptions: { target: ts.ScriptTarget.ES2022 } });
    expect(out.diagnostics ?? []).toEqual([]);
    expect(text('src/client.ts')).toContain('process.env.GITHUB_TOKEN');
  });

  it('Python: py_compile, with import os added', () => {
    expect(python('import py_compile,sys; py_compile.compile(sys.argv[1], doraise=True)', 'app/settings.py')).toMatchObject({ status: 0 });
    expect(text('app/settings.py')).toMatch(/^"""Settings."""\nfrom __future__ import annotations\nimport os\n/);
  });

  it('shell: sh -n', () => {
    expect(ok('sh', ['-n', 'scripts/deploy.sh'])).toMatchObject({ status: 0 });
    expect(text('scripts/deploy.sh')).toContain(`curl -H 'Authorization: token '"\${GITHUB_TOKEN_`);
  });

  it.each(['config/app.yaml', 'docker-compose.yml', '.github/workflows/ci.yml', '.gitlab-ci.yml', 'k8s/deployment.yaml'])('YAML: %s parses with the yaml package', (path) => {
    const docs = parseAllDocuments(text(path));
    const list = Array.isArray(docs) ? docs : [docs];
    expect(list.flatMap((d) => d.errors)).toEqual([]);
  });

  it('YAML: the values are references the tool expands', () => {
    const compose = parseAllDocuments(text('docker-compose.yml'));
    expect(JSON.stringify((Array.isArray(compose) ? compose[0]! : compose).toJS())).toMatch(/GITHUB_TOKEN=\$\{GITHUB_TOKEN/);
    expect(text('.github/workflows/ci.yml')).toMatch(/GH_TOKEN: \$\{\{ secrets\.GH_TOKEN(_\d+)? \}\}/);
    expect(text('k8s/deployment.yaml')).toMatch(/valueFrom: \{ secretKeyRef: \{ name: app-secrets, key: github-token(-\d+)? \} \}/);
  });

  it.skipIf(!has('terraform'))('Terraform: terraform fmt parses it', () => {
    expect(ok('terraform', ['fmt', '-'], text('infra/main.tf'))).toMatchObject({ status: 0 });
    expect(text('infra/main.tf')).toContain('variable "github_token');
  });

  it.skipIf(!has('javac'))('Java: javac compiles it', () => {
    expect(ok('javac', ['-d', join(repo.dir, '..', 'javac-out'), 'src/Main.java'])).toMatchObject({ status: 0 });
  });

  it('TOML: tomllib', () => {
    expect(python('import tomllib,sys; tomllib.load(open(sys.argv[1],"rb"))', 'config/app.toml')).toMatchObject({ status: 0 });
  });

  it('INI and properties: configparser', () => {
    const code = 'import configparser,sys; c=configparser.ConfigParser(interpolation=None); t=open(sys.argv[1]).read(); c.read_string(t if t.startswith("[") else "[s]\\n"+t)';
    expect(python(code, 'config/app.ini')).toMatchObject({ status: 0 });
    expect(python(code, 'config/app.properties')).toMatchObject({ status: 0 });
  });

  it('Jupyter: JSON.parse, then every code cell through ast.parse, with import os added', () => {
    const nb = JSON.parse(text('notebooks/report.ipynb')) as { cells: Array<{ cell_type: string; source: string[] }> };
    const code = nb.cells.filter((c) => c.cell_type === 'code').map((c) => c.source.join('')).join('\n');
    expect(code).toMatch(/^import os\nTOKEN = os\.environ\["GITHUB_TOKEN(_\d+)?"\]\nURL = \("postgresql:\/\/app:" \+ os\.environ\["DATABASE_PASSWORD(_\d+)?"\] \+ "@db:5432\/app"\)$/);
    expect(ok('python3', ['-c', 'import ast,sys; ast.parse(sys.stdin.read())'], code)).toMatchObject({ status: 0 });
  });

  it.skipIf(!has('go'))('Go: go vet compiles it, with "os" imported and the constants turned into variables', () => {
    const r = spawnSync('go', ['vet', 'cmd/app/main.go'], { cwd: repo.dir, encoding: 'utf8', env: { ...process.env, GOCACHE: join(repo.dir, '..', 'gocache'), GOFLAGS: '-mod=mod', GO111MODULE: 'off' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(text('cmd/app/main.go')).toMatch(/import \(\n\t"os"\n\t"fmt"\n\)\n\nvar apiToken = os\.Getenv\("GITHUB_TOKEN(_\d+)?"\)\n\nvar \(/);
  });

  it.skipIf(!has('ruby'))('Ruby: ruby -c', () => {
    expect(ok('ruby', ['-c', 'config/initializers/github.rb'])).toMatchObject({ status: 0 });
  });

  it.skipIf(!has('php'))('PHP: php -l', () => {
    expect(ok('php', ['-l', 'config/services.php'])).toMatchObject({ status: 0 });
  });

  it('Maven XML: xml.etree', () => {
    expect(python('import xml.etree.ElementTree as E,sys; E.parse(sys.argv[1])', 'pom.xml')).toMatchObject({ status: 0 });
    expect(text('pom.xml')).toContain('<github.token>${env.GITHUB_TOKEN');
  });

  it('never printed a secret', () => {
    const out = fixed.stdout + fixed.stderr;
    for (const v of Object.values(FILES).join('\n').match(/ghp_\w{36}/g)!) expect(out).not.toContain(v.slice(4));
  });
});
