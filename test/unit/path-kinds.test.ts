import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeSecretsFile } from '../../src/filters/secrets-file.js';
import { isMinified, languageOf } from '../../src/util/file-type.js';
import { BY_NAME } from '../../src/util/languages.js';

/**
 * The regexes the path tests stand for (they are string tests, for the hook's start: a regex's
 * first run is its compile). These are the spec; the implementations must agree on every path.
 */
const SPEC = {
  secretsFile: [
    /(^|\/)\.env(\.[^/]{1,40})?$/,
    /\.(pem|key|p12|pfx|jks|keystore|ppk|asc|gpg|kdbx|tfstate|tfstate\.backup)$/i,
    /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/,
    /(^|\/)\.(npmrc|pypirc|netrc|git-credentials|htpasswd|pgpass|s3cfg|dockercfg)$/,
    /(^|\/)(credentials|credentials\.json|service-account[^/]{0,40}\.json|kubeconfig|secrets?\.(ya?ml|json|toml))$/i,
    /(^|\/)\.kube\/config$/,
    /(^|\/)\.docker\/config\.json$/,
  ],
  template: /\.(example|sample|template|dist|tmpl|tpl|defaults?)$|(^|\/)\.env\.(example|sample|template|dist|defaults?)$/i,
  workflow: /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i,
  compose: /(^|\/)(?:docker-)?compose[\w.-]*\.ya?ml$/i,
  manifests: /(^|\/)(k8s|kubernetes|manifests|helm|charts)\//i,
  minified: /\.min\.(js|css)$|\.(js|css)\.map$|\.bundle\.js$|\.chunk\.js$/i,
};
const YAML_KINDS = ['github-actions', 'docker-compose', 'kubernetes', 'yaml'];
const specSecretsFile = (path: string) => !SPEC.template.test(path) && SPEC.secretsFile.some((re) => re.test(path));

/** Path pieces near every edge of the spec: names, extensions, directories, in both cases. */
const PIECES = [
  '.env', '.ENV', '.env.local', '.env.example', '.Env', 'env', '.', '..', '-', '_', 'x', 'A', '1', 'a b', 'é',
  'id_rsa', 'ID_RSA', 'id_ed25519', 'id_ecdsa.pub', '.npmrc', '.NPMRC', '.git-credentials', '.s3cfg', '.dockercfg',
  'credentials', 'Credentials.JSON', 'service-account', 'Service-Account', 'kubeconfig', 'secret', 'secrets', 'Secrets',
  '.yml', '.yaml', '.YML', '.json', '.toml', '.pem', '.Key', '.p12', '.tfstate', '.tfstate.backup', '.backup', '.kdbx',
  '.kube', 'config', 'config.json', '.docker', '.github', 'workflows', 'Workflows', 'compose', 'docker-compose',
  'Docker-Compose', 'k8s', 'K8S', 'helm', 'charts', 'manifests', 'kubernetes', '.min', '.js', '.css', '.map', '.bundle',
  '.chunk', '.example', '.sample', '.template', '.dist', '.tmpl', '.tpl', '.default', '.defaults', '.Defaults',
];
const segment = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 4 }).map((p) => p.join('')),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019_.-é'), maxLength: 45 }),
);
const path = fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join('/'));
/** Every one- and two-piece name under a few directories: the edges, deterministically. */
const EVERY = ['', 'x/', '.github/workflows/', '.kube/', 'a/.docker/', 'k8s/', 'Helm/'].flatMap((dir) =>
  [...PIECES, ...PIECES.flatMap((a) => PIECES.map((b) => a + b))].map((name) => dir + name),
);

describe('path kinds (string tests for the spec regexes)', () => {
  it('secrets files: the same verdict as the regexes on every path', () => {
    fc.assert(
      fc.property(path, (p) => {
        expect(looksLikeSecretsFile(p), p).toBe(specSecretsFile(p));
      }),
      { numRuns: 20_000 },
    );
    for (const p of EVERY) expect(looksLikeSecretsFile(p), p).toBe(specSecretsFile(p));
    for (const p of ['.env', 'app/.env.production', 'id_rsa', 'deploy/Service-Account-prod.json', 'home/.kube/config', 'x.PEM', '.docker/config.json']) {
      expect(looksLikeSecretsFile(p)).toBe(true);
    }
    for (const p of ['.env.example', '.env.', 'src/env.ts', 'id_rsa.pub', 'kube/config', `.env.${'x'.repeat(41)}`, 'service-account.jso']) expect(looksLikeSecretsFile(p)).toBe(false);
  });

  it('minified files and the YAML kinds: the same verdict as the regexes on every path', () => {
    const agrees = (p: string) => {
      expect(isMinified(p), p).toBe(SPEC.minified.test(p));
      const language = languageOf(p);
      // the regexes decide among the YAML kinds, after the whole-name table (BY_NAME)
      if (!YAML_KINDS.includes(language) || BY_NAME[p.slice(p.lastIndexOf('/') + 1).toLowerCase()]) return;
      const expected = SPEC.workflow.test(p) ? 'github-actions' : SPEC.compose.test(p) ? 'docker-compose' : /\.ya?ml$/i.test(p) && SPEC.manifests.test(p) ? 'kubernetes' : 'yaml';
      expect(language, p).toBe(expected);
    };
    EVERY.forEach(agrees);
    fc.assert(fc.property(path, agrees), { numRuns: 20_000 });
    expect(languageOf('.github/workflows/ci.yml')).toBe('github-actions');
    expect(languageOf('ops/docker-compose.prod.yaml')).toBe('docker-compose');
    expect(languageOf('deploy/K8s/app.yaml')).toBe('kubernetes');
    expect(languageOf('.github/workflows/.yml')).not.toBe('github-actions');
  });
});
