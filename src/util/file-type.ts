import { BY_EXT, BY_NAME, type Language } from './languages.js';

export type { Language } from './languages.js';

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
