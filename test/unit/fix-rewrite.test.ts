import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTROPY } from '../../src/config/types.js';
import { rejectValue } from '../../src/detect/generic.js';
import { compileRule } from '../../src/patterns/compile-rule.js';
import { envLine, parseEnv } from '../../src/fix/env-file.js';
import { unifiedDiff } from '../../src/fix/diff.js';
import { NameBook } from '../../src/fix/names.js';
import { planText } from '../../src/fix/plan.js';
import { rewriteLine } from '../../src/fix/rewrite-line.js';
import type { FixTarget } from '../../src/fix/types.js';
import { languageOf } from '../../src/util/file-type.js';
import { expandTemplate } from '../helpers/secrets.js';

/** `leakguard fix`, pure half: one finding on one line -> the rewritten line, or the reason it is left. */
const S = expandTemplate('{{alnum:28}}');

function target(file: string, line: string, secret = S, envVar = 'API_KEY', lineNo = 1): FixTarget {
  return { file, line: lineNo, column: line.indexOf(secret) + 1, endLine: lineNo, secret, kind: 'secret', language: languageOf(file), envVar, lineText: line, ruleId: 'generic-api-key' };
}

function rewrite(file: string, template: string, name = 'API_KEY'): string {
  const line = template.replace('$S', S);
  const r = rewriteLine(line, target(file, line), name);
  return r.ok ? r.text : `left: ${r.reason}`;
}

describe('fix: one line in the language of its file', () => {
  it.each([
    ['src/app.js', 'const key = "$S";', 'const key = process.env.API_KEY;'],
    ['src/app.ts', "const key: string = '$S';", 'const key: string = process.env.API_KEY;'],
    ['src/app.js', 'headers: { Authorization: "Bearer $S" },', 'headers: { Authorization: ("Bearer " + process.env.API_KEY) },'],
    ['src/app.js', 'const u = `https://x:$S@h/db`;', 'const u = `https://x:${process.env.API_KEY}@h/db`;'],
    ['app/settings.py', 'API_KEY = "$S"', 'API_KEY = os.environ["API_KEY"]'],
    ['app/settings.py', "url = f'redis://:$S@cache:6379/{db}'", `url = (f'redis://:' + os.environ["API_KEY"] + f'@cache:6379/{db}')`],
    ['app/settings.py', 'key = b"$S"', 'left: string-prefix'],
    ['cmd/main.go', 'var apiKey = "$S"', 'var apiKey = os.Getenv("API_KEY")'],
    ['cmd/main.go', 'const apiKey = "$S"', 'var apiKey = os.Getenv("API_KEY")'],
    ['src/Main.java', '    private static final String KEY = "$S";', '    private static final String KEY = System.getenv("API_KEY");'],
    ['src/App.cs', '    public const string Key = "$S";', '    public static readonly string Key = Environment.GetEnvironmentVariable("API_KEY");'],
    ['src/App.kt', 'const val KEY = "$S"', 'val KEY = System.getenv("API_KEY")'],
    ['lib/pay.rb', "config.api_key = '$S'", 'config.api_key = ENV.fetch("API_KEY")'],
    ['config/pay.php', "    'api_key' => 'pre-$S',", "    'api_key' => ('pre-' . getenv('API_KEY')),"],
    ['deploy.sh', 'export API_KEY=$S', 'export API_KEY="$API_KEY"'],
    ['deploy.sh', 'API_KEY="$S"', 'API_KEY="$API_KEY"'],
    ['deploy.sh', "curl -H 'Authorization: Bearer $S' x", `curl -H 'Authorization: Bearer '"\${API_KEY}"'' x`],
    ['deploy.sh', 'curl -u "me:$S" x', 'curl -u "me:${API_KEY}" x'],
    ['config/app.yaml', '  api_key: $S', '  api_key: "${API_KEY}"'],
    ['config/app.yaml', "  api_key: '$S'", "  api_key: '${API_KEY}'"],
    ['docker-compose.yml', '      - API_KEY=$S', '      - API_KEY=${API_KEY}'],
    ['.github/workflows/ci.yml', '      API_KEY: $S', '      API_KEY: ${{ secrets.API_KEY }}'],
    ['.gitlab-ci.yml', '  API_KEY: $S', '  API_KEY: $API_KEY'],
    ['k8s/deployment.yaml', '              value: "$S"', '              valueFrom: { secretKeyRef: { name: app-secrets, key: api-key } }'],
    ['k8s/deployment.yaml', '              value: "jdbc:pg://h/db?password=$S"', 'left: partial-value'],
    ['infra/main.tf', '  api_key = "$S"', '  api_key = var.api_key'],
    ['infra/main.tf', '  url = "https://u:$S@h"', '  url = "https://u:${var.api_key}@h"'],
    ['config/app.properties', 'app.api-key=$S', 'app.api-key=${API_KEY}'],
    ['.npmrc', '//registry.npmjs.org/:_authToken=$S', '//registry.npmjs.org/:_authToken=${API_KEY}'],
    ['config/app.toml', 'api_key = "$S"', 'api_key = "${API_KEY}"'],
    ['pom.xml', '  <api.key>$S</api.key>', '  <api.key>${env.API_KEY}</api.key>'],
    ['res/values/strings.xml', '  <string name="api_key">$S</string>', 'left: xml-no-env'],
    ['config/app.json', '  "api_key": "$S"', 'left: json'],
    ['.env.production', 'API_KEY=$S', 'left: secrets-file'],
    ['README.md', 'export API_KEY=$S', 'left: docs'],
    ['Dockerfile', 'ENV API_KEY=$S', 'left: dockerfile'],
    ['notebooks/a.ipynb', '    "key = \\"$S\\"\\n",', '    "key = os.environ[\\"API_KEY\\"]\\n",'],
    ['notebooks/a.ipynb', '   "source": "key = \'$S\'"', 'left: notebook'],
    ['src/main.rs', 'let key = "$S";', 'left: unsupported-language'],
    ['config/app.yaml', '  keys: [a, pre-$S]', 'left: partial-value'],
    ['config/app.toml', 'api_key = $S', 'left: not-in-literal'],
    ['src/app.js', 'const key = someCall($S);', 'left: not-in-literal'],
    ['src/app.js', "// don't: const key = \"$S\";", 'left: multi-line'],
    ['src/app.js', 'const key = "a\\n$S";', 'const key = ("a\\n" + process.env.API_KEY);'],
  ])('%s: %s', (file, line, expected) => {
    expect(rewrite(file, line)).toBe(expected);
  });

  it('leaves a value with escapes in it, whose text is not its value', () => {
    const secret = `${S.slice(0, 10)}\\u0041${S.slice(10)}`;
    const line = `const key = "${secret}";`;
    expect(rewriteLine(line, target('a.js', line, secret), 'API_KEY')).toEqual({ ok: false, reason: 'escapes' });
  });

  it('leaves multi-line and encoded values', () => {
    const line = `key = "${S}"`;
    expect(rewriteLine(line, { ...target('a.py', line), endLine: 3 }, 'K')).toEqual({ ok: false, reason: 'multi-line' });
    expect(rewriteLine(line, { ...target('a.py', line), raw: 'b64' }, 'K')).toEqual({ ok: false, reason: 'encoded' });
  });
});

describe('fix: a file', () => {
  it('adds the imports the reads need (Python import os after the docstring, Go "os")', () => {
    const py = `"""Settings."""\nfrom __future__ import annotations\n\nKEY = "${S}"\n`;
    const out = planText(py, [target('s.py', `KEY = "${S}"`, S, 'API_KEY', 4)], new NameBook([])).after;
    expect(out).toBe(`"""Settings."""\nfrom __future__ import annotations\nimport os\n\nKEY = os.environ["API_KEY"]\n`);
    const go = `package main\n\nimport (\n\t"fmt"\n)\n\nconst (\n\tkey = "${S}"\n)\n`;
    const goOut = planText(go, [target('m.go', `\tkey = "${S}"`, S, 'API_KEY', 8)], new NameBook([])).after;
    expect(goOut).toBe(`package main\n\nimport (\n\t"os"\n\t"fmt"\n)\n\nvar (\n\tkey = os.Getenv("API_KEY")\n)\n`);
  });

  it('leaves a Go const block that counts with iota, which cannot hold a value read at run time', () => {
    const go = `package main\n\nconst (\n\tfirst = iota\n\tkey = "${S}"\n)\n`;
    const edit = planText(go, [target('m.go', `\tkey = "${S}"`, S, 'API_KEY', 5)], new NameBook([]));
    expect(edit.after).toBe(go);
    expect(edit.left.map((l) => l.reason)).toEqual(['constant']);
    expect(edit.fixed).toEqual([]);
  });

  it('adds using System; to C# before the first using', () => {
    const cs = `using System.Net.Http;\n\nclass A {\n  static readonly string K = "${S}";\n}\n`;
    const out = planText(cs, [target('A.cs', `  static readonly string K = "${S}";`, S, 'API_KEY', 4)], new NameBook([])).after;
    expect(out).toBe('using System;\nusing System.Net.Http;\n\nclass A {\n  static readonly string K = Environment.GetEnvironmentVariable("API_KEY");\n}\n');
  });

  it('keeps CRLF line endings, also on the lines it adds', () => {
    const text = `x = 1\r\nKEY = "${S}"\r\n`;
    const out = planText(text, [target('s.py', `KEY = "${S}"`, S, 'API_KEY', 2)], new NameBook([])).after;
    expect(out).toBe('import os\r\nx = 1\r\nKEY = os.environ["API_KEY"]\r\n');
  });

  it('declares a Terraform variable once and names the env entry TF_VAR_', () => {
    const text = `locals {\n  a = "${S}"\n}\n`;
    const edit = planText(text, [target('m.tf', `  a = "${S}"`, S, 'API_KEY', 2)], new NameBook([]));
    expect(edit.after).toContain('variable "api_key" {\n  type      = string\n  sensitive = true\n}\n');
    expect(edit.fixed[0]!.envName).toBe('TF_VAR_api_key');
  });

  it('marks the plan stale when the line is not what the scan saw', () => {
    const edit = planText('changed\n', [target('a.js', `const k = "${S}";`)], new NameBook([]));
    expect(edit.stale).toBe(true);
    expect(edit.after).toBe('changed\n');
  });
});

describe('fix: names and the env file', () => {
  it('reuses the name for the same value and picks NAME_2 for a different one, also against .env', () => {
    const other = expandTemplate('{{alnum:28}}');
    const book = new NameBook([{ name: 'API_KEY', value: other }]);
    expect(book.nameFor('API_KEY', S)).toBe('API_KEY_2');
    expect(book.nameFor('TOKEN', S)).toBe('API_KEY_2');
    expect(book.nameFor('API_KEY', other)).toBe('API_KEY');
    expect(book.newEntries()).toEqual([{ name: 'API_KEY_2', value: S }]);
  });

  it('gives names the scanner reads as names, also with a _2 suffix (a rescan stays clean)', () => {
    for (const name of ['AZURE_DEVOPS_EXT_PAT_2', 'DD_APP_KEY_2', 'DD_APP_KEY']) expect(rejectValue(name, DEFAULT_ENTROPY)).toBeDefined();
  });

  it('never gives a GitHub Actions secret a GITHUB_ name (GitHub reserves it)', () => {
    expect(new NameBook([]).nameFor('GITHUB_TOKEN', S, 'GITHUB_')).toBe('GH_TOKEN');
  });

  it('writes values that dotenv, compose and a shell read back the same', () => {
    expect(envLine({ name: 'A', value: S })).toBe(`A=${S}`);
    expect(envLine({ name: 'A', value: 'a b#c' })).toBe("A='a b#c'");
    expect(envLine({ name: 'A', value: "it's" })).toBe('A="it\'s"');
    expect(envLine({ name: 'A', value: 'a\nb' })).toBeUndefined();
    expect(parseEnv("A='a b#c'\nexport B=x # note\n")).toEqual([{ name: 'A', value: 'a b#c' }, { name: 'B', value: 'x' }]);
  });
});

describe('fix: the diff it prints', () => {
  it('is a unified diff with the secret masked', () => {
    const diff = unifiedDiff('a.js', `a\nconst k = "${S}";\nb\n`, 'a\nconst k = process.env.K;\nb\n', (t) => t.split(S).join('****'));
    expect(diff).toBe('--- a/a.js\n+++ b/a.js\n@@ -1,3 +1,3 @@\n a\n-const k = "****";\n+const k = process.env.K;\n b\n');
    expect(diff).not.toContain(S);
  });

  it('shows a new file against /dev/null', () => {
    expect(unifiedDiff('.env', undefined, 'K=v\n', (t) => t)).toBe('--- /dev/null\n+++ b/.env\n@@ -0,0 +1,1 @@\n+K=v\n');
  });
});

describe('custom rules without envVar', () => {
  it('are named after the rule id (acme-key -> ACME_KEY), not SECRET', () => {
    const rule = compileRule({ id: 'acme-key', description: 'Acme key', regex: 'acme_[a-z0-9]{32}' }, { origin: 'test', builtin: false });
    expect(rule.envVar).toBe('ACME_KEY');
  });
});
