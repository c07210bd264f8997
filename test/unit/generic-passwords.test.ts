import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTROPY } from '../../src/config/types.js';
import { classifyKey, detectGenericLine, rejectValue } from '../../src/detect/generic.js';
import { isWordTemplate } from '../../src/detect/generic/keep-value.js';
import { languageOf } from '../../src/util/file-type.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * Password-named keys hold credentials whatever their entropy; token-named keys must look random.
 * Shapes from real code (CredData), values generated at test time.
 */
function hits(file: string, template: string): string[] {
  const line = expandTemplate(template);
  return detectGenericLine(line, languageOf(file), file, DEFAULT_ENTROPY).map((h) => `${h.ruleId}:${h.keyName}`);
}

describe('password-named keys', () => {
  it.each([
    ['config.json', '"password": "{{lower:5}}"', 'generic-password:password'],
    ['user.rb', 'User.new(login: "x", password: "{{alnum:12}}")', 'generic-password:password'],
    ['settings.py', "{'basic_auth_password': '{{lower:8}}'}", 'generic-password:basic_auth_password'],
    ['db.py', 'db_password = "{{chars:abcdefghkmnpqrstuvwxyzABCDEFGHKMNPQRSTUVWXYZ23456789#%&*!:12}}"', 'generic-password:db_password'],
    ['app.yml', 'smtp_pass: {{lowernum:6}}', 'generic-password:smtp_pass'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });

  it.each([
    ['weak', 'config.json', '"password": "1234"'],
    ['a field name', 'form.js', 'password: "password_confirmation",'],
    ['a camelCase name', 'form.ts', 'password: "newPassword",'],
    ['a word-like template', 'app.yml', 'admin_password: change-me-please-now'],
    ['a word-like template in camel case', 'app.yml', 'admin_password: MySecretPassword'],
    ['translated text', 'ja.json', '"password": "\u30d1\u30b9\u30ef\u30fc\u30c9",'],
    ['a sentence in properties', 'messages.properties', 'forgot.password: Forgot password?'],
    ['a sentence in prose', 'README.md', 'Password handling is described below.'],
    ['a reference', 'app.js', 'password: process.env.DB_PASSWORD,'],
  ])('%s is not reported', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });

  it('keeps random passwords of every length from 4 characters', () => {
    for (let n = 4; n <= 20; n++) expect(rejectValue(expandTemplate(`{{alnum:${n}}}`), DEFAULT_ENTROPY, 'generic-password')).toBeUndefined();
    expect(rejectValue('abc', DEFAULT_ENTROPY, 'generic-password')).toBeDefined();
  });

  it('still asks token-named keys for entropy', () => {
    expect(hits('app.yml', 'api_token: {{lower:8}}')).toEqual([]);
    expect(hits('app.yml', 'api_token: {{alnum:24}}')).toEqual(['generic-token:api_token']);
  });
});

describe('default and fixture passwords', () => {
  it('reports a default password (it opens the service) but not as a token', () => {
    expect(hits('compose.yaml', '      POSTGRES_PASSWORD: postgres')).toEqual(['generic-password:POSTGRES_PASSWORD']);
    expect(hits('config.yml', 'rabbitmq_admin_password: guest')).toEqual(['generic-password:rabbitmq_admin_password']);
    expect(hits('config.yml', 'api_token: admin')).toEqual([]);
  });
  it.each(['test123', 'dummy', 'wrong', 'invalid', 'newpass', 'Test@12345'])('leaves the test fixture %s alone', (v) => {
    expect(hits('spec.js', `password: '${v}',`)).toEqual([]);
  });
});

describe('UUIDs under credential names', () => {
  it('reports a UUID held by a credential-named key and no other', () => {
    expect(hits('config.yml', 'api_key: {{uuid}}')).toEqual(['generic-api-key:api_key']);
    expect(hits('config.yml', 'tenant_id: {{uuid}}')).toEqual([]);
  });
});

describe('word-like templates', () => {
  it.each(['change-me-please-now', 'super_secret_key', 'MySecretPassword', 'dev-token-1'])('%s', (v) => expect(isWordTemplate(v)).toBe(true));
  it('leaves random values and single words alone', () => {
    expect(isWordTemplate('bluewhale')).toBe(false);
    for (let i = 0; i < 50; i++) expect(isWordTemplate(expandTemplate('{{lower:6}}-{{lower:6}}'))).toBe(false);
    for (let i = 0; i < 50; i++) expect(isWordTemplate(expandTemplate('{{alnum:16}}'))).toBe(false);
  });
});

describe('names that are not names', () => {
  it('skips a quoted phrase used as a key (locale files)', () => {
    expect(hits('de.json', '"Invalid email or password": "{{lower:8}}",')).toEqual([]);
    expect(hits('de.json', '"password": "{{alnum:10}}",')).toEqual(['generic-password:password']);
  });
});

describe('key-name families', () => {
  it.each([
    ['Apitoken', 'generic-token'],
    ['apiToken', 'generic-token'],
    ['AUTHTOKEN', 'generic-token'],
    ['basic_auth_password', 'generic-password'],
    ['secretkey', 'generic-secret'],
    ['salt', 'generic-secret'],
    ['nkey_seed', 'generic-secret'],
    // a suffix naming a variant or a form of the secret before it
    ['tokenB', 'generic-token'],
    ['ORACLE_PasswordSys', 'generic-password'],
    ['CONAN_PASSWORD_DEFAULT', 'generic-password'],
    ['secret_b64', 'generic-secret'],
    ['secret_code', 'generic-secret'],
    ['secretData', 'generic-secret'],
    ['smtp_pass', 'generic-password'],
    ['adminPass', 'generic-password'],
  ])('%s is %s', (key, rule) => expect(classifyKey(key)).toBe(rule));
  it.each(['hashedTokenKey', 'token_digest', 'encrypted_password', 'random_seed', 'nexttoken', 'monkey', 'key_code', 'page_token_b', 'tokens_default', 'MD5_PASSWORD', 'sha256Secret', 'no-password', 'skip_token', 'existingSecret', 'hwScaleFilterFirstPass', 'renderPass', 'highPass'])('%s holds no secret', (key) =>
    expect(classifyKey(key)).toBeUndefined(),
  );
});

describe('decoded literals', () => {
  it.each([
    ['main.go', 'var key = []byte("{{alnum:32}}")', 'generic-secret:key'],
    ['main.go', 'secretData, _ := hex.DecodeString("{{hex:32}}")', 'generic-secret:secretData'],
    ['main.go', 'signingKey, err := base64.StdEncoding.DecodeString("{{base64:44}}")', 'generic-secret:signingKey'],
    ['crypto.py', "api_secret = b64decode(b'{{base64:44}}')", 'generic-secret:api_secret'],
    ['crypto.py', "signing_key = unhexlify('{{hex:64}}')", 'generic-secret:signing_key'],
    ['app.js', "const apiToken = Buffer.from('{{base64:40}}', 'base64')", 'generic-token:apiToken'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });
  it('keeps a session secret of generated base64 (an encrypted value under a password name)', () => {
    expect(hits('config.py', "SESSION_SECRET = '{{base64:44}}'")).toEqual(['generic-secret:SESSION_SECRET']);
  });
  it('leaves decodings of names and test vectors alone', () => {
    expect(hits('main.go', 'key, _ := hex.DecodeString(keyHex)')).toEqual([]);
    expect(hits('crypto.py', "signing_key = unhexlify('000102030405060708090a0b0c0d0e0f')")).toEqual([]);
  });
});

describe('keys written as byte arrays', () => {
  const bytes = (n: number, hex: boolean) =>
    Array.from(crypto.getRandomValues(new Uint8Array(n)), (b) => (hex ? `0x${b.toString(16).padStart(2, '0')}` : String(b > 127 ? b - 256 : b))).join(', ');
  it.each([
    ['main.go', `var signingKey = []byte{${bytes(32, true)}}`, 'generic-secret:signingKey'],
    ['Crypto.java', `private static final byte[] SECRET_KEY = {${bytes(16, false)}};`, 'generic-secret:SECRET_KEY'],
    ['conn.go', `quicSaltOld = []byte{${bytes(20, true)}}`, 'generic-secret:quicSaltOld'],
    ['frame.go', `Token: protocol.StatelessResetToken{${bytes(16, true)}},`, 'generic-token:Token'],
    ['keys.py', `HMAC_KEY = bytes([${bytes(24, true)}])`, 'generic-secret:HMAC_KEY'],
  ])('%s', (file, line, expected) => {
    expect(detectGenericLine(line, languageOf(file), file, DEFAULT_ENTROPY).map((h) => `${h.ruleId}:${h.keyName}`)).toEqual([expected]);
  });
  it('leaves counting runs, zeros, short arrays and passwords alone', () => {
    const hit = (line: string) => detectGenericLine(line, 'go', 'main.go', DEFAULT_ENTROPY);
    expect(hit('key := []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}')).toEqual([]);
    expect(hit('var secretKey = [32]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}')).toEqual([]);
    expect(hit('apiKey := []byte{0x12, 0x9f, 0x33}')).toEqual([]);
    expect(hit(`password := []byte{${bytes(16, true)}}`)).toEqual([]);
  });
});

describe('destructuring', () => {
  it('pairs names and values by position', () => {
    const pw = expandTemplate('{{alnum:12}}');
    const found = (line: string) => detectGenericLine(line, 'python', 'app.py', DEFAULT_ENTROPY).map((h) => `${h.keyName}=${h.value}`);
    expect(found(`login, password = 'someone@example.org', '${pw}'`)).toEqual([`password=${pw}`]);
    expect(found(`host, port, password = "db", "5432", "${pw}"`)).toEqual([`password=${pw}`]);
    // more values than names, or a name without a literal of its own: no pairing to trust
    expect(found(`login, password = 'someone', '${pw}', 'extra'`)).toEqual([]);
    expect(found(`login, password = get_login(), '${pw}'`)).toEqual([]);
    // a call's arguments are no destructuring
    expect(found(`connect(host, password="${pw}")`)).toEqual([`password=${pw}`]);
  });
});

describe('a constant named PASS', () => {
  it('is a password when assigned, test-runner output when not', () => {
    expect(hits('Config.java', 'static final String PASS = "{{alnum:10}}";')).toEqual(['generic-password:PASS']);
    expect(hits('deploy', 'PASS="{{alnum:12}}"')).toEqual(['generic-password:PASS']);
    expect(hits('run.log', 'PASS: test_login_{{alnum:10}}')).toEqual([]);
    expect(hits('run.log', 'PASS {{alnum:10}} (12 ms)')).toEqual([]);
  });
});

describe('seeds and nonces', () => {
  it('reads them like any secret name', () => {
    expect(hits('page.html', '<script nonce="{{alnum:24}}">')).toEqual([]);
    expect(hits('app.py', 'account_seed = "{{alnum:32}}"')).toEqual(['generic-secret:account_seed']);
  });
});

describe('false alarms from real code', () => {
  it.each([
    ['a sentence in docs', 'guide.md', 'password hashing algorithms.'],
    ['a generator argument in docs', 'USAGE', "    As a special case, specifying 'password:digest' will generate a"],
    ['a filtered value', 'test.rb', '"user_password" => "[FILTERED]",'],
    ['the next argument after a comma', 'guide.md', 'params: { password: "password", password_confirmation: "password" }'],
  ])('%s', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
  it('still reads KEY value lines in text files', () => {
    expect(hits('notes.txt', 'password {{alnum:16}}')).toEqual(['generic-password:password']);
  });
});

describe('code and type specs in docs', () => {
  it.each([
    ['guide.md', 'if user = User.authenticate_by(email: params[:email], password: params[:password])'],
    ['USAGE', '`bin/rails generate model user password:digest`'],
    ['guide.md', 'password with "sign in" button.'],
    ['Rakefile', 'ENV["RAILS_TEST_PWD"] = File.expand_path("../../", __FILE__)'],
  ])('%s: %s', (file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
});

describe('secrets people choose', () => {
  it('reads a name that says only "secret" like a password', () => {
    expect(hits('app.js', "app.use(session({ secret: '{{lower:10}}' }))")).toEqual(['generic-secret:secret']);
    expect(hits('app.yml', 'jwt_secret: {{lower:12}}')).toEqual(['generic-secret:jwt_secret']);
  });
  it('but not a value that names a credential, nor a key-named one without entropy', () => {
    expect(hits('App.java', 'final String clientSecret = "client-secret";')).toEqual([]);
    expect(hits('client.go', 'ClientSecret: "sectest",')).toEqual([]);
    expect(hits('app.yml', 'jwt_secret: change-me-please-now')).toEqual([]);
    expect(hits('app.yml', 'secret_key: {{lower:12}}')).toEqual([]);
  });
});

describe('docs and snippets', () => {
  it('reads a setting on a command line in docs', () => {
    expect(hits('README.md', 'docker run -e POSTGRES_PASSWORD={{alnum:10}} -d postgres')).toEqual(['generic-password:POSTGRES_PASSWORD']);
  });
  it.each([
    ['a code snippet in docs', 'README.md', ".then(answer => console.log({ secret: answer }))"],
    ['a name in a sentence of another script', 'README.md', '# \u6ce8\u610f secret: {{lower:12}}'],
    ['an icon-font escape', 'icons.less', '@fa-var-user-secret: "\\f21b";'],
    ['a masked value', 'notes.py', 'password = "6a2**"'],
    ['an argument after a bare secret', 'test.exs', 'assert Token.decrypt(endpoint, "secret", "{{lower:10}}") == nil'],
  ])('%s', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
});

describe('locale files, IAM policies, manifests', () => {
  it.each([
    ['a translated label', 'nl.php', "'password' => 'wachtwoord',"],
    ['a label key', 'pt.js', "'labelPassword': 'Senha:',"],
    ['an IAM action', 'policy.json', '"ChangePassword": "cognito-idp:ChangePassword",'],
    ['a package version', 'package.json', '"parse-passwd": "^1.0.0"'],
    ['a Spring placeholder default', 'application.properties', 'spring.datasource.password=${DB_PASSWORD:{{lower:8}}}'],
    ['a ternary branch', 'report.js', 'li.className = ok ? "pass" : "fail";'],
    ['a destructuring', 'app.py', "login, password = 'login', 'password'"],
    ['a field left to fill in a URL', 'app.py', 'url = "https://user:<hidden>@server.com/x.zip"'],
    ['a short test key', 'config.go', 'test_mode_api_key = "sk_test_123"'],
  ])('%s', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
  it('keeps keyword arguments after other arguments', () => {
    expect(hits('db.py', 'connect(host, password="{{alnum:12}}")')).toEqual(['generic-password:password']);
  });
});

describe('false alarms found scanning real projects', () => {
  // lines with Helm's own {{ }} are not expanded as test templates (raw)
  const raw = (file: string, line: string) => detectGenericLine(line, languageOf(file), file, DEFAULT_ENTROPY).map((h) => `${h.ruleId}:${h.keyName}`);
  const htpasswd = Buffer.from(`user:{SHA}${expandTemplate('{{base64:27}}')}=`).toString('base64');
  // [where the line shape was found, file, line, what is reported, how it is read]
  it.each([
    ['docs', 'backup.sh', 'mysql -u$username -p$passwd -h$dbhost -P$dbport -A -e "show databases"', [], hits],
    ['docs', 'README.md', 'password `auth` string: the one you chose', [], hits],
    ['docs', 'README.md', 'DB_PASSWORD `{{alnum:12}}`', ['generic-password:DB_PASSWORD'], hits],
    ['Laravel, requests, Vue', 'User.php', "'password' => 'hashed',", [], hits],
    ['Laravel, requests, Vue', 'test_structures.py', 'assert self.case_insensitive_dict[key] == "application/json"', [], hits],
    ['Laravel, requests, Vue', 'App.vue', "const AUTO_SAVE_STORAGE_KEY = 'vue-sfc-playground-auto-save'", [], hits],
    ['Laravel, requests, Vue', 'todomvc.html', "const STORAGE_KEY = 'todos-vuejs-3.x'", [], hits],
    ['Laravel, requests, Vue', 'app.js', "const SIGNING_KEY = '{{lowernum:8}}-{{lowernum:8}}-{{lowernum:8}}'", ['generic-secret:SIGNING_KEY'], hits],
    ['traefik docs', 'crd.yml', '                      Secret containing Redis credentials.', [], hits],
    ['traefik docs', 'crd.yml', '                  pass validation against the CA certificates specified in `CACertificateRefs`.', [], hits],
    ['traefik docs', 'ldap.md', 'bindPassword: "urn:k8s:secret:my-secret:bindpassword"', [], hits],
    ['traefik docs', 'ratelimit.yml', 'password: "secure-password"', [], hits],
    ['traefik docs', 'values.yaml', 'password: "{{alnum:12}}"      # Replace with an Actual Password', [], hits],
    ['traefik docs', 'settings.py', 'DB_PASSWORD = "{{alnum:12}}"  # TODO: change this', [], hits],
    ['traefik docs', 'values.yaml', 'password: "{{alnum:12}}"      # the replica user', ['generic-password:password'], hits],
    ['traefik docs', 'run.yml', '  run: tool --password {{alnum:12}}', ['generic-password:password'], hits],
    ['traefik fixtures', 'with_servers_transport.yml', '      - secret: root-ca5', [], hits],
    ['traefik fixtures', 'ratelimit.yaml', '    caSecret: redis-ca', [], hits],
    ['traefik fixtures', 'ingress.yml', `  auth: ${htpasswd}`, [], hits],
    ['traefik fixtures', 'config.py', "SESSION_SECRET = 'tulip-{{lowernum:10}}'", ['generic-secret:SESSION_SECRET'], hits],
    ['traefik fixtures', 'values.yaml', '  jwtSecret: {{alnum:24}}', ['generic-secret:jwtSecret'], hits],
    ['laravel, helm', 'DbCommand.php', "'password' => '--password='.$connection['password'],", [], hits],
    ['laravel, helm', 'values.yaml', '    tlsSecret: wordpress.local-tls', [], hits],
    ['laravel, helm', 'README.md', 'Kubernetes defines a variety of resource kinds, from `Secret` to `StatefulSet`.', [], hits],
    ['laravel, helm', 'README.md', 'Set `API_TOKEN` to `{{alnum:32}}`', ['generic-token:API_TOKEN'], hits],
    ['spring-security', 'users.xml', '<user name="jimi" password="{bcrypt}$2a$10${{base64:53}}" authorities="ROLE_USER" />', [], hits],
    ['spring-security', 'Tests.java', 'String hash = "{pbkdf2@SpringSecurity_v5_8}{{hex:80}}";', [], hits],
    ['spring-security', 'Tests.java', 'String encodedPassword = "{{hex:64}}";', [], hits],
    ['spring-security', 'schema.adoc', 'PASSWORD NVARCHAR2(128) NOT NULL,', [], hits],
    ['spring-security', 'context.xml', '<sec:user name="notused" password="notused" authorities="ROLE_0"/>', [], hits],
    ['spring-security', 'users.xml', '<user name="bob" password="{noop}{{alnum:12}}" authorities="ROLE_A" />', ['generic-password:password'], hits],
    ['bitnami charts', 'secrets.yaml', '{{- $password := .Values.auth.password }}', [], raw],
    ['bitnami charts', 'secrets.yaml', '{{- $rootPassword := include "common.secrets.passwords.manage" (dict "secret" "x") }}', [], raw],
    ['bitnami charts', 'values.yaml', '  ssl_key=/opt/bitnami/mysql/certs/{{ .Values.tls.certKeyFilename }}', [], raw],
    ['bitnami charts', 'values.yaml', '  existingSecret: RELEASENAME-elasticsearch-coordinating-crt', [], hits],
    ['bitnami charts', 'README.md', '- secret: my-ca-1', [], hits],
    ['bitnami charts', 'values.yaml', '  htpasswd: harbor_registry_user:$2y$10${{base64:53}}', [], hits],
    ['bitnami charts', 'job.yaml', "      local password=$(grep -oP '^password=\\K.+' $1);", [], hits],
    ['bitnami charts', 'README.md', '--set postgresql.external.password=_PASSWORD_OF_YOUR_POSTGRESQL_INSTALLATION_ \\', [], hits],
    ['bitnami charts', '_helpers.tpl', '{{- if and (eq .Values.provider "azure") .Values.azure.aadClientSecret .Values.azure.useManagedIdentityExtension }}', [], raw],
    ['bitnami charts', 'secrets.yaml', `{{- $password := "${expandTemplate('{{alnum:16}}')}" }}`, ['generic-password:password'], raw],
    ['symfony', 'xh.php', "'PW' => 'EPalau',", [], hits],
    ['symfony', 'parents.json', '"en_PW": "en_001",', [], hits],
    ['symfony', 'CHANGELOG.md', ' * Add `CheckAliasValidityPass` to `lint:container` command', [], hits],
    ['symfony', 'Rfc2231EncoderTest.php', "private string $rfc2045Token = '/^[\\x21\\x23-\\x27\\x2A\\x2B\\x2D\\x2E\\x30-\\x39\\x41-\\x5A\\x5E-\\x7E]+$/D';", [], hits],
    ['symfony', 'session.php', "$container->parameters()->set('session.metadata.storage_key', '_sf2_meta');", [], hits],
    ['symfony', 'app.py', "app.secret_key = b'\\x8f\\x12{{alnum:6}}\\xec\\x9a{{alnum:6}}'", ['generic-secret:app.secret_key'], hits],
    ['symfony', 'app.js', "const STORAGE_KEY = 'todo-{{lowernum:12}}'", [], hits],
    ['symfony', 'config.php', "'db_pw' => '{{alnum:12}}',", ['generic-password:db_pw'], hits],
    ['sentry-python, docs', 'common.py', 'STRIPE_ENDPOINT_SECRET = SECRETS.get("stripe_endpoint_secret", "insecure")', [], hits],
    ['sentry-python, docs', 'test_aiomysql.py', `"INSERT INTO users(name, password, dob) VALUES ('Alice', 'pw', '1990-12-25')",`, [], hits],
    ['sentry-python, docs', 'config.yml', 'password_changed: 2024-03-01T10:00:00Z', [], hits],
    ['sentry-python, docs', 'guide.md', "`'--password='.$connection['password']`", [], hits],
  ] as [string, string, string, string[], typeof hits][])('%s: %s: %s', (_source, file, line, expected, read) => {
    expect(read(file, line)).toEqual(expected);
  });
});

describe('setters', () => {
  it.each([
    ['Cipher.cpp', 'cipher->SetKey("{{alnum:24}}");', 'generic-secret:secret_key'],
    ['Client.java', 'client.setPassword("{{alnum:12}}");', 'generic-password:Password'],
    ['auth.py', "auth.set_api_key('{{alnum:32}}')", 'generic-api-key:api_key'],
    ['App.java', 'config.setClientSecret("{{alnum:32}}");', 'generic-secret:ClientSecret'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });
  it('leaves setters of names and lookups alone', () => {
    expect(hits('App.java', 'field.setKey("username");')).toEqual([]);
    expect(hits('App.java', 'client.setPassword(System.getenv("DB_PASSWORD"));')).toEqual([]);
  });
});

describe('fallbacks of environment lookups', () => {
  it.each([
    ['settings.py', 'PASSWORD = os.environ.get("PASSWORD") or "{{lowernum:9}}"', 'generic-password:PASSWORD'],
    ['db.js', 'const dbPassword = process.env.DB_PASSWORD || "{{alnum:12}}";', 'generic-password:dbPassword'],
    ['api.ts', 'const apiToken = process.env["API_TOKEN"] ?? "{{alnum:32}}";', 'generic-token:apiToken'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });
  it('leaves fallbacks to names, empty strings and placeholders alone', () => {
    expect(hits('db.js', 'const dbPassword = process.env.DB_PASSWORD || defaultPassword;')).toEqual([]);
    expect(hits('db.js', 'const dbPassword = process.env.DB_PASSWORD || "";')).toEqual([]);
    expect(hits('settings.py', 'PASSWORD = os.getenv("PASSWORD") or "changeme"')).toEqual([]);
  });
});

describe('flags in argument lists and plain-text SecureStrings', () => {
  it.each([
    ['Tls.java', 'List.of("keytool", "--keystore-password", "{{lower:12}}", "-v")', 'generic-password:keystore-password'],
    ['run.py', 'subprocess.run(["mysql", "--password", "{{alnum:14}}"])', 'generic-password:password'],
    ['New-Cred.ps1', '$c = New-Object PSCredential("bob", (ConvertTo-SecureString "{{alnum:12}}" -AsPlainText -Force))', 'generic-password:password'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });
  it('leaves option specs, references and non-secret flags alone', () => {
    expect(hits('build.ts', "spawn('docker', ['build', '--secret', 'id=npm,src={{lower:6}}/.npmrc'])")).toEqual([]);
    expect(hits('run.py', 'subprocess.run(["mysql", "--password", "$DB_PASSWORD"])')).toEqual([]);
    expect(hits('run.py', 'subprocess.run(["tool", "--output", "{{alnum:14}}"])')).toEqual([]);
    expect(hits('New-Cred.ps1', '$s = ConvertTo-SecureString $env:APP_PASSWORD -AsPlainText -Force')).toEqual([]);
  });
});

describe('provider-named keys', () => {
  it('reads PROVIDER_KEY variables with random values only', () => {
    expect(hits('.env', 'STEAM_KEY={{hex:32}}')).toEqual(['generic-api-key:STEAM_KEY']);
    expect(hits('.env', 'SORT_KEY={{hex:32}}')).toEqual([]);
    expect(hits('.env', 'STEAM_KEY=steam')).toEqual([]);
  });
});

describe('form tokens', () => {
  it('leaves CSRF form tokens alone (every visitor sees them)', () => {
    expect(hits('form.html', '<input type="hidden" name="authenticity_token" value="{{base64:43}}=" />')).toEqual([]);
  });
});

describe('comparisons and strings in code', () => {
  it.each([
    ['check.php', "if ($password === '{{alnum:10}}') {", 'generic-password:password'],
    ['test_config.py', 'assert config.sudo.password == "{{alnum:10}}"', 'generic-password:config.sudo.password'],
    ['Client.java', '"shenyu.proxy.password={{alnum:10}}",', 'generic-password:shenyu.proxy.password'],
    ['ci.yml', '  PGPASSWORD={{alnum:10}} psql -h localhost -U app', 'generic-password:PGPASSWORD'],
    ['backup.bat', 'mysqldump.exe --opt -u app --password={{alnum:10}} app > backup.sql', 'generic-password:password'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });
  it.each([
    ['a negated comparison', 'check.ts', "if (cmd.oldPassword !== 'reset') {"],
    ['an openssl variable source', 'crypt.sh', 'openssl enc -aes-256-cbc -pass env:ENC_PASS -in file'],
    ['a comment in properties', 'app.properties', '# mongodb.userPassword=mongodb password to bind'],
  ])('%s', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
});

describe('more password names', () => {
  it.each(['password_confirmation', 'passwordConfirm', 'password1', 'mysqlrootpwd'])('%s is a password', (key) => expect(classifyKey(key)).toBe('generic-password'));
  it.each(['password_confirmation_label', 'confirmation', 'pwdless'])('%s is not', (key) => expect(classifyKey(key)).toBeUndefined());
});

describe('a bare key', () => {
  it('holds a secret only when long and random', () => {
    expect(hits('client.go', '`{"key_id":"1234","key":"{{base64:44}}"}`')).toEqual(['generic-secret:key']);
    expect(hits('list.jsx', '<Item key="{{lower:8}}" />')).toEqual([]);
    expect(hits('creds.json', '"Key": "git:https://github.com",')).toEqual([]);
    expect(hits('schema.sql', 'KEY `idx_{{lower:20}}` (`app_id`) USING BTREE')).toEqual([]);
  });
});

describe('WordPress salts and OAuth verifiers', () => {
  it.each([
    ['secureauthkey', 'generic-secret'],
    ['authsalt', 'generic-secret'],
    ['oauth_verifier', 'generic-token'],
    ['jsapi_ticket', 'generic-token'],
  ])('%s is %s', (key, rule) => expect(classifyKey(key)).toBe(rule));
  it('leaves ticket ids and plain compounds alone', () => {
    expect(classifyKey('ticket_id')).toBeUndefined();
    expect(classifyKey('monkey')).toBeUndefined();
    expect(classifyKey('hotkey')).toBeUndefined();
  });
});

describe('builders, headers and comments', () => {
  it.each([
    ['Auth.java', '.oauth_verifier("{{alnum:32}}")', 'generic-token:oauth_verifier'],
    ['Client.kt', 'Config.builder().apiKey("{{alnum:32}}").build()', 'generic-api-key:apiKey'],
    ['api.txt', "curl --header 'user-token: {{hex:32}}' http://localhost/api", 'generic-token:user-token'],
    ['Api.java', ' * https://api.example.com/users?access_token={{alnum:40}}', 'generic-token:access_token'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });
  it('leaves builders of names alone', () => {
    expect(hits('Form.java', 'form.field("password").label("Password")')).toEqual([]);
    expect(hits('test_user.py', 'assert user.check_password("{{alnum:10}}")')).toEqual([]);
  });
});

describe('test tables and escaped text', () => {
  it.each([
    ['a row of a test table', 'names.test.ts', "    ['db_password', 'generic-password'],"],
    ['escaped translated text', 'ja.json', '"password": "\\u30d1\\u30b9\\u30ef\\u30fc\\u30c9",'],
    ['a placeholder with punctuation', 'README.md', '`mysql -pSECRET, sshpass -p`'],
  ])('%s', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
  it('still reads a call argument after a qualified name', () => {
    expect(hits('Config.java', 'System.setProperty("smtp.password", "{{alnum:14}}");')).toEqual(['generic-password:smtp.password']);
  });
});

describe('more fixtures and shapes', () => {
  it.each([
    ['a mismatching confirmation', 'user_spec.rb', "password_confirmation: 'another'"],
    ['batch variables', 'setup.bat', 'set passwd=%RANDOM%@%RANDOM%'],
    ['a Windows path', 'app.py', "self.__pwd = 'C:\\\\'"],
    ['a Go destructuring', 'main.go', 'user, pass := "username", "password"'],
    ['a flag name', 'tasks.rb', '  password:  "--password",'],
    ['a repeated character', 'main.go', '{"password": "eeee"}'],
    ['a faker template', 'mock.ts', "password: '@word(6)',"],
    ['a PowerShell command', 'setup.ps1', '$creds.Password = Read-Host -AsSecureString'],
  ])('%s', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
});
