import { describe, expect, it } from 'vitest';
import { DEFAULT_ENTROPY } from '../../src/config/types.js';
import { classifyKey, detectGenericLine, rejectValue } from '../../src/detect/generic.js';
import { languageOf } from '../../src/util/file-type.js';
import { expandTemplate } from '../helpers/secrets.js';

/**
 * The generic detector, table-driven: each row is a line in a file and what must (or must not)
 * be found. Values are templates expanded at run time.
 */
function hits(file: string, template: string): string[] {
  const line = expandTemplate(template);
  return detectGenericLine(line, languageOf(file), file, DEFAULT_ENTROPY).map((h) => `${h.ruleId}:${h.keyName}`);
}

describe('generic detector finds assignments in real syntaxes', () => {
  it.each([
    ['.env', 'DB_PASSWORD={{chars:abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-:16}}', 'generic-password:DB_PASSWORD'],
    ['app.py', 'smtp_password = "{{alnum:20}}"', 'generic-password:smtp_password'],
    ['main.go', '\tkeystorePassword := "{{alnum:18}}"', 'generic-password:keystorePassword'],
    ['main.go', 'var jwtSecret = "{{hex:64}}"', 'generic-secret:jwtSecret'],
    ['config.ts', 'const LDAP_BIND_PASSWORD: string = "{{alnum:19}}";', 'generic-password:LDAP_BIND_PASSWORD'],
    ['config.json', '  "dbPass": "{{alnum:16}}",', 'generic-password:dbPass'],
    ['config.yml', '  admin-password: \'{{alnum:22}}\'', 'generic-password:admin-password'],
    ['app.properties', 'notifications.secret-key={{alnum:40}}', 'generic-secret:notifications.secret-key'],
    ['strings.xml', '<string name="db_password" translatable="false">{{alnum:24}}</string>', 'generic-password:db_password'],
    ['App.config', '<add key="DbPass" value="{{alnum:24}}" />', 'generic-password:DbPass'],
    ['settings.xml', '<password>{{alnum:24}}</password>', 'generic-password:password'],
    ['run.sh', 'export SMTP_PASSWORD="{{alnum:19}}"', 'generic-password:SMTP_PASSWORD'],
    ['run.sh', 'mysql --password={{alnum:16}} -h db', 'generic-password:password'],
    ['run.sh', 'deploy --api-token {{alnum:24}} --env prod', 'generic-token:api-token'],
    ['Config.java', 'System.setProperty("smtp.password", "{{alnum:20}}");', 'generic-password:smtp.password'],
    ['config.php', "define('AUTH_SALT', '{{alnum:40}}');", 'generic-secret:AUTH_SALT'],
    ['config.rb', 'config.auth_token = "{{alnum:23}}"', 'generic-token:config.auth_token'],
    ['nb.ipynb', '    "PRIVATE_TOKEN = \\"{{alnum:32}}\\"\\n",', 'generic-token:PRIVATE_TOKEN'],
    ['secrets.toml', "password = '{{alnum:14}}'", 'generic-password:password'],
    ['App.cs', '    private const string ApiKey = "{{alnum:32}}";', 'generic-api-key:ApiKey'],
    ['README.md', 'Set `PRIVATE_TOKEN` to `{{alnum:32}}` before running the tests.', 'generic-token:PRIVATE_TOKEN'],
    ['main.tf', '  password = "{{alnum:18}}"', 'generic-password:password'],
    ['deploy.ps1', '$env:API_KEY = "{{alnum:32}}"', 'generic-api-key:API_KEY'],
    ['main.rs', 'const API_TOKEN: &str = "{{alnum:32}}";', 'generic-token:API_TOKEN'],
    ['main.rs', 'let password = String::from("{{alnum:18}}");', 'generic-password:password'],
    ['config.rb', "  :password => '{{alnum:18}}',", 'generic-password:password'],
    ['Makefile', 'DB_PASSWORD ?= {{alnum:18}}', 'generic-password:DB_PASSWORD'],
    ['Dockerfile', 'ENV DB_PASSWORD {{alnum:18}}', 'generic-password:DB_PASSWORD'],
    ['init.sql', "CREATE USER app IDENTIFIED BY '{{alnum:18}}';", 'generic-password:password'],
    ['init.sql', "ALTER ROLE app WITH PASSWORD '{{alnum:18}}';", 'generic-password:password'],
    ['run.sh', 'mysql -u root -p{{alnum:16}} -h db', 'generic-password:password'],
    ['run.sh', "sshpass -p '{{alnum:16}}' ssh deploy@host", 'generic-password:password'],
    ['run.sh', 'PGPASSWORD={{alnum:16}} psql -h db -U app', 'generic-password:PGPASSWORD'],
    ['App.java', 'DriverManager.getConnection(url, "admin", "{{alnum:18}}");', 'generic-password:password'],
    ['app.py', 'requests.get(url, auth=("admin", "{{alnum:18}}"))', 'generic-password:password'],
  ])('%s: %s', (file, template, expected) => {
    expect(hits(file, template)).toEqual([expected]);
  });
});

describe('generic detector leaves alone', () => {
  it('reads name/value pairs of Kubernetes env lists', () => {
    const value = expandTemplate('{{alnum:18}}');
    const hits = detectGenericLine(`          value: "${value}"`, 'kubernetes', 'k8s/deploy.yaml', DEFAULT_ENTROPY, '        - name: DB_PASSWORD');
    expect(hits.map((h) => `${h.ruleId}:${h.keyName}:${h.value}`)).toEqual([`generic-password:DB_PASSWORD:${value}`]);
    expect(detectGenericLine(`          value: "${value}"`, 'kubernetes', 'k8s/deploy.yaml', DEFAULT_ENTROPY, '        - name: LOG_LEVEL')).toEqual([]);
  });

  it.each([
    ['env lookup', 'app.js', 'const password = process.env.DB_PASSWORD;'],
    ['env lookup in a constructor', 'main.rs', 'let password = String::from(env::var("DB_PASSWORD"));'],
    ['documentation counting value', 'run.sh', '--hsm-partition-password A1b2c3d4'],
    ['prose after a name', 'README.md', 'Password handling is described below.'],
    ['type annotation in a stub', 'win32.pyi', 'def CompleteAuthToken(self, Token: PySecBufferDesc, /) -> None: ...'],
    ['an AWS ARN', 'policies.json', '"IAMUserSSHKeys": "arn:aws:iam::aws:policy/IAMUserSSHKeys",'],
    ['a Perl variable', 'Credentials.pm', '$PASSWORD = $CPAN::Config->{password} || "";'],
    ['a PowerShell environment read', 'deploy.ps1', '$password = $env:DB_PASSWORD'],
    ['env lookup in go', 'main.go', 'var secretKey = os.Getenv("SECRET_KEY")'],
    ['config lookup in C#', 'App.cs', '    SecretKey = configuration["Secret:Key"],'],
    ['identifier on the right', 'App.cs', '    public static readonly string SmtpPassword = options.Password;'],
    ['function name', 'client.go', 'func (c *Client) RefreshAuthToken() (string, error) {'],
    ['placeholder', 'config.go', 'var dbPassword = "********"'],
    ['placeholder words', '.env.example', 'CLIENT_SECRET="your_password"'],
    ['template', '.env', "API_KEY='${API_KEY}'"],
    ['angle placeholder', '.env', 'AWS_SECRET_ACCESS_KEY="<TOKEN>"'],
    ['weak short value', 'config.json', '"db_password": "1234"'],
    ['empty', 'config.json', '"password": ""'],
    ['prose', 'en.json', '"password_label": "Enter your password",'],
    ['identifier value', 'Dockerfile', 'ARG TOKEN_HANDLER=HmacSha256RequestSigningInterceptorImpl'],
    ['identifier value 2', '.env', "SECRET_STRATEGY='AwsSecretsManagerCredentialProviderV2'"],
    ['secret manager reference', 'Config.java', 'public static final String SMTP_PASSWORD = "vault:secret/data/prod/ember#api_key";'],
    ['key vault url', '.env', 'AWS_SECRET_ACCESS_KEY=azurekeyvault://acme-kv.vault.azure.net/secrets/orbit-token'],
    ['uuid', 'config.yml', 'secret_id: {{uuid}}'],
    ['sri hash', 'lock.json', '"integrity": "sha512-{{base64:86}}=="'],
    ['lockfile', 'package-lock.json', '"token": "{{alnum:40}}"'],
    ['public key name', 'config.js', 'const publicKey = "{{alnum:40}}";'],
    ['password policy', 'config.yml', 'password_policy: strict-uppercase-digits'],
    ['token url', 'config.yml', 'token_url: https://auth.example.com/oauth/token'],
    ['file path', 'config.yml', 'private_key: keys/server.pem'],
    ['repeated', 'config.yml', 'password: aaaaaaaaaaaa'],
    ['prose about a token', 'README.md', 'Set `API_TOKEN` to `your-token-here` first.'],
    ['lexer tokens', 'parser.js', 'nextLastSignificantToken = "?InterpolationInJSX";'],
    ['sequential', 'config.yml', 'password: abcdefghijkl'],
  ])('%s', (_name, file, template) => {
    expect(hits(file, template)).toEqual([]);
  });
});

describe('key classification', () => {
  it.each([
    ['db_password', 'generic-password'],
    ['dbPass', 'generic-password'],
    ['SECRET_KEY', 'generic-secret'],
    ['secret_key_base', 'generic-secret'],
    ['EncryptionKey', 'generic-secret'],
    ['stripeApiKey', 'generic-api-key'],
    ['x-api-key', 'generic-api-key'],
    ['accessToken', 'generic-token'],
    ['PRIVATE_TOKEN', 'generic-token'],
    ['client_secret', 'generic-secret'],
  ])('%s is %s', (key, rule) => {
    expect(classifyKey(key)).toBe(rule);
  });

  it.each(['password_label', 'token_expired', 'api_key_help', 'secretStrategy', 'credentials_provider', 'TOKEN_HANDLER', 'AuthProvider', 'public_key', 'keyName', 'monkey', 'primary_key_id'])(
    '%s holds no secret',
    (key) => {
      expect(classifyKey(key)).toBeUndefined();
    },
  );
});

describe('value checks', () => {
  it('rejects low-entropy and word-like values and accepts random ones', () => {
    expect(rejectValue('correcthorsebatterystaple', DEFAULT_ENTROPY)).toBeDefined();
    expect(rejectValue('Password1234', DEFAULT_ENTROPY)).toBeDefined();
    for (let i = 0; i < 20; i++) expect(rejectValue(expandTemplate('{{alnum:20}}'), DEFAULT_ENTROPY)).toBeUndefined();
  });
});
