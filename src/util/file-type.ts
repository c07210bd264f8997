/** What kind of file a path names: decides the fix's syntax and how values are read. */
export type Language =
  | 'javascript'
  | 'typescript'
  | 'python'
  | 'go'
  | 'java'
  | 'kotlin'
  | 'scala'
  | 'groovy'
  | 'csharp'
  | 'fsharp'
  | 'ruby'
  | 'php'
  | 'rust'
  | 'swift'
  | 'c'
  | 'cpp'
  | 'dart'
  | 'elixir'
  | 'perl'
  | 'lua'
  | 'shell'
  | 'powershell'
  | 'dockerfile'
  | 'docker-compose'
  | 'github-actions'
  | 'gitlab-ci'
  | 'kubernetes'
  | 'yaml'
  | 'terraform'
  | 'dotenv'
  | 'properties'
  | 'ini'
  | 'toml'
  | 'json'
  | 'xml'
  | 'notebook'
  | 'markdown'
  | 'sql'
  | 'lockfile'
  | 'text';

const BY_NAME: Record<string, Language> = {
  dockerfile: 'dockerfile',
  containerfile: 'dockerfile',
  'docker-compose.yml': 'docker-compose',
  'docker-compose.yaml': 'docker-compose',
  'compose.yml': 'docker-compose',
  'compose.yaml': 'docker-compose',
  '.gitlab-ci.yml': 'gitlab-ci',
  'package-lock.json': 'lockfile',
  'npm-shrinkwrap.json': 'lockfile',
  'yarn.lock': 'lockfile',
  'pnpm-lock.yaml': 'lockfile',
  'poetry.lock': 'lockfile',
  'pipfile.lock': 'lockfile',
  'cargo.lock': 'lockfile',
  'composer.lock': 'lockfile',
  'gemfile.lock': 'lockfile',
  'go.sum': 'lockfile',
  'bun.lock': 'lockfile',
  'flake.lock': 'lockfile',
  'packages.lock.json': 'lockfile',
  'gradle.lockfile': 'lockfile',
  'mix.lock': 'lockfile',
  'podfile.lock': 'lockfile',
  'package.resolved': 'lockfile',
  'uv.lock': 'lockfile',
  makefile: 'shell',
  '.npmrc': 'ini',
  '.pypirc': 'ini',
  '.netrc': 'text',
  '.bashrc': 'shell',
  '.zshrc': 'shell',
  '.profile': 'shell',
  credentials: 'ini',
  gemfile: 'ruby',
  rakefile: 'ruby',
  jenkinsfile: 'groovy',
  vagrantfile: 'ruby',
};

const BY_EXT: Record<string, Language> = {
  js: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  jsx: 'javascript',
  vue: 'javascript',
  svelte: 'javascript',
  ts: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  tsx: 'typescript',
  py: 'python',
  pyw: 'python',
  pyi: 'python',
  pl: 'perl',
  pm: 'perl',
  lua: 'lua',
  r: 'text',
  go: 'go',
  java: 'java',
  kt: 'kotlin',
  kts: 'kotlin',
  scala: 'scala',
  sc: 'scala',
  groovy: 'groovy',
  gradle: 'groovy',
  cs: 'csharp',
  csx: 'csharp',
  fs: 'fsharp',
  rb: 'ruby',
  erb: 'ruby',
  php: 'php',
  rs: 'rust',
  swift: 'swift',
  c: 'c',
  h: 'c',
  cc: 'cpp',
  cpp: 'cpp',
  cxx: 'cpp',
  hpp: 'cpp',
  m: 'c',
  dart: 'dart',
  ex: 'elixir',
  exs: 'elixir',
  sh: 'shell',
  bash: 'shell',
  zsh: 'shell',
  ksh: 'shell',
  fish: 'shell',
  ps1: 'powershell',
  psm1: 'powershell',
  yml: 'yaml',
  yaml: 'yaml',
  tf: 'terraform',
  tfvars: 'terraform',
  hcl: 'terraform',
  env: 'dotenv',
  properties: 'properties',
  ini: 'ini',
  cfg: 'ini',
  conf: 'ini',
  cnf: 'ini',
  toml: 'toml',
  json: 'json',
  jsonc: 'json',
  json5: 'json',
  xml: 'xml',
  config: 'xml',
  csproj: 'xml',
  plist: 'xml',
  ipynb: 'notebook',
  md: 'markdown',
  markdown: 'markdown',
  mdx: 'markdown',
  rst: 'markdown',
  txt: 'text',
  sql: 'sql',
};

const cache = new Map<string, Language>();

/** The language of a path (cached: history scans ask about the same paths again and again). */
export function languageOf(path: string): Language {
  let language = cache.get(path);
  if (language === undefined) {
    if (cache.size > 50_000) cache.clear();
    language = detectLanguage(path);
    cache.set(path, language);
  }
  return language;
}

function detectLanguage(path: string): Language {
  const base = (path.split('/').pop() ?? path).toLowerCase();
  const named = BY_NAME[base];
  if (named) return named;
  if (base.startsWith('dockerfile') || base.endsWith('.dockerfile')) return 'dockerfile';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i.test(path)) return 'github-actions';
  if (/(^|\/)(?:docker-)?compose[\w.-]*\.ya?ml$/i.test(path)) return 'docker-compose';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  const byExt = BY_EXT[ext];
  if (byExt === 'yaml' && /(^|\/)(k8s|kubernetes|manifests|helm|charts)\//i.test(path)) return 'kubernetes';
  return byExt ?? 'text';
}

const CODE = new Set<Language>([
  'javascript',
  'typescript',
  'python',
  'go',
  'java',
  'kotlin',
  'scala',
  'groovy',
  'csharp',
  'fsharp',
  'ruby',
  'php',
  'rust',
  'swift',
  'c',
  'cpp',
  'dart',
  'elixir',
  'perl',
  'lua',
]);

/** Program source, where an unquoted right-hand side is an expression, not a literal value. */
export function isCode(language: Language): boolean {
  return CODE.has(language);
}

/** Minified bundles and source maps: one huge line of code, never hand-written secrets. */
export function isMinified(path: string): boolean {
  return /\.min\.(js|css)$|\.(js|css)\.map$|\.bundle\.js$|\.chunk\.js$/i.test(path);
}
