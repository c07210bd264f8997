import { describe, expect, it } from 'vitest';
import { envVarFromKey, suggest } from '../../src/suggest/env-var.js';

/** The fix is written in the file's own language. */
describe('env-var suggestion', () => {
  it.each([
    ['src/app.ts', 'process.env.STRIPE_SECRET_KEY'],
    ['web/index.jsx', 'process.env.STRIPE_SECRET_KEY'],
    ['app/settings.py', 'os.environ["STRIPE_SECRET_KEY"]'],
    ['notebooks/a.ipynb', 'os.environ["STRIPE_SECRET_KEY"]'],
    ['cmd/main.go', 'os.Getenv("STRIPE_SECRET_KEY")'],
    ['src/Main.java', 'System.getenv("STRIPE_SECRET_KEY")'],
    ['src/Main.kt', 'System.getenv("STRIPE_SECRET_KEY")'],
    ['src/App.cs', 'Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY")'],
    ['lib/pay.rb', 'ENV.fetch("STRIPE_SECRET_KEY")'],
    ['config/pay.php', "getenv('STRIPE_SECRET_KEY')"],
    ['src/main.rs', 'std::env::var("STRIPE_SECRET_KEY")'],
    ['lib/Pay.pm', '$ENV{STRIPE_SECRET_KEY}'],
    ['init.lua', 'os.getenv("STRIPE_SECRET_KEY")'],
    ['deploy.sh', '"$STRIPE_SECRET_KEY"'],
    ['docker-compose.yml', '${STRIPE_SECRET_KEY}'],
    ['config/app.yaml', '${STRIPE_SECRET_KEY}'],
    ['.github/workflows/ci.yml', '${{ secrets.STRIPE_SECRET_KEY }}'],
    ['infra/main.tf', 'var.stripe_secret_key'],
    ['.env', 'STRIPE_SECRET_KEY='],
    ['config/.env.production', 'STRIPE_SECRET_KEY='],
  ])('%s -> %s', (file, replacement) => {
    const s = suggest({ file, ruleEnvVar: 'STRIPE_SECRET_KEY', keyName: undefined, generic: false, envFileIgnored: true });
    expect(s.replacement).toBe(replacement);
    expect(s.envVar).toBe('STRIPE_SECRET_KEY');
  });

  it('uses a build secret, not ENV, in a Dockerfile', () => {
    const s = suggest({ file: 'Dockerfile', ruleEnvVar: 'NPM_TOKEN', keyName: undefined, generic: false, envFileIgnored: true });
    expect(s.replacement).toContain('--mount=type=secret');
    expect(s.note).toMatch(/never with ENV or ARG/);
  });

  it('tells .env users to commit an example file', () => {
    const s = suggest({ file: '.env', ruleEnvVar: 'PASSWORD', keyName: 'DB_PASSWORD', generic: true, envFileIgnored: false });
    expect(s.envVar).toBe('DB_PASSWORD');
    expect(s.note).toMatch(/\.env\.example/);
  });

  it('derives the variable name from the key for generic findings', () => {
    expect(envVarFromKey('db_password')).toBe('DB_PASSWORD');
    expect(envVarFromKey('smtp.password')).toBe('SMTP_PASSWORD');
    expect(envVarFromKey('stripeApiKey')).toBe('STRIPE_API_KEY');
    expect(envVarFromKey("$settings['password']")).toBe('PASSWORD');
    const s = suggest({ file: 'app.py', ruleEnvVar: 'PASSWORD', keyName: 'smtpPassword', generic: true, envFileIgnored: true });
    expect(s.replacement).toBe('os.environ["SMTP_PASSWORD"]');
  });

  it('says which .gitignore line to add when .env is not ignored', () => {
    expect(suggest({ file: 'a.js', ruleEnvVar: 'X', keyName: undefined, generic: false, envFileIgnored: false }).gitignoreLine).toBe('.env');
    expect(suggest({ file: 'a.js', ruleEnvVar: 'X', keyName: undefined, generic: false, envFileIgnored: true }).gitignoreLine).toBeUndefined();
  });
});
