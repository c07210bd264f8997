/**
 * Files that hold secrets by their nature. Committing one that .gitignore excludes (git add -f)
 * is a finding of its own, even before any secret is found in it.
 */
const SECRETS_FILE = [
  /(^|\/)\.env(\.[^/]{1,40})?$/,
  /\.(pem|key|p12|pfx|jks|keystore|ppk|asc|gpg|kdbx|tfstate|tfstate\.backup)$/i,
  /(^|\/)id_(rsa|dsa|ecdsa|ed25519)$/,
  /(^|\/)\.(npmrc|pypirc|netrc|git-credentials|htpasswd|pgpass|s3cfg|dockercfg)$/,
  /(^|\/)(credentials|credentials\.json|service-account[^/]{0,40}\.json|kubeconfig|secrets?\.(ya?ml|json|toml))$/i,
  /(^|\/)\.kube\/config$/,
  /(^|\/)\.docker\/config\.json$/,
];
const TEMPLATE = /\.(example|sample|template|dist|tmpl|tpl|defaults?)$|(^|\/)\.env\.(example|sample|template|dist|defaults?)$/i;

export function looksLikeSecretsFile(path: string): boolean {
  if (TEMPLATE.test(path)) return false;
  return SECRETS_FILE.some((re) => re.test(path));
}
