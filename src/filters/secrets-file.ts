/**
 * Files that hold secrets by their nature. Committing one that .gitignore excludes (git add -f)
 * is a finding of its own, even before any secret is found in it.
 *
 * Tested with string operations, not regexes: a regex costs V8 a compile the first time it runs
 * (0.1-0.3 ms each for these), and the hook asks about a handful of paths, once each. The
 * regexes they stand for are the spec, kept in test/unit/path-kinds.test.ts, which checks that
 * both agree.
 */
const SECRET_EXTENSIONS = ['.pem', '.key', '.p12', '.pfx', '.jks', '.keystore', '.ppk', '.asc', '.gpg', '.kdbx', '.tfstate', '.tfstate.backup'];
/** Names, matched as they are: an SSH key and the dotfiles of package managers and tools. */
const SECRET_NAMES = new Set(['id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519', '.npmrc', '.pypirc', '.netrc', '.git-credentials', '.htpasswd', '.pgpass', '.s3cfg', '.dockercfg']);
/** Names in any case. */
const SECRET_NAMES_ANY_CASE = new Set(['credentials', 'credentials.json', 'kubeconfig', ...['secret', 'secrets'].flatMap((n) => ['yml', 'yaml', 'json', 'toml'].map((e) => `${n}.${e}`))]);
const TEMPLATE_EXTENSIONS = ['.example', '.sample', '.template', '.dist', '.tmpl', '.tpl', '.default', '.defaults'];

/** Whether `path` is `tail` or ends with `/tail`. */
const endsWithSegments = (path: string, tail: string): boolean => path === tail || path.endsWith(`/${tail}`);

export function looksLikeSecretsFile(path: string): boolean {
  const lower = path.toLowerCase();
  if (TEMPLATE_EXTENSIONS.some((e) => lower.endsWith(e))) return false;
  const base = path.slice(path.lastIndexOf('/') + 1);
  const lowerBase = lower.slice(lower.lastIndexOf('/') + 1);
  // .env, .env.local, .env.production (the part after .env. is 1 to 40 characters)
  if (base === '.env' || (base.startsWith('.env.') && base.length >= 6 && base.length <= 45)) return true;
  if (SECRET_EXTENSIONS.some((e) => lower.endsWith(e))) return true;
  if (SECRET_NAMES.has(base) || SECRET_NAMES_ANY_CASE.has(lowerBase)) return true;
  // a GCP service account key: service-account.json, service-account-prod.json
  if (lowerBase.startsWith('service-account') && lowerBase.endsWith('.json') && lowerBase.length <= 60) return true;
  return endsWithSegments(path, '.kube/config') || endsWithSegments(path, '.docker/config.json');
}
