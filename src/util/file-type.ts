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

/**
 * By name, then by where the file is (a workflow, a Compose file, a Kubernetes manifest), then by
 * extension. String tests, not regexes: the hook asks about a few paths once each, and a regex's
 * first run is its compile (test/unit/path-kinds.test.ts holds the regexes these stand for).
 */
function detectLanguage(path: string): Language {
  const lower = path.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  const named = BY_NAME[base];
  if (named) return named;
  if (base.startsWith('dockerfile') || base.endsWith('.dockerfile')) return 'dockerfile';
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  const yamlStem = base.endsWith('.yml') ? base.slice(0, -4) : base.endsWith('.yaml') ? base.slice(0, -5) : undefined;
  const dir = lower.slice(0, lower.length - base.length);
  if (yamlStem && (dir === '.github/workflows/' || dir.endsWith('/.github/workflows/'))) return 'github-actions';
  if (yamlStem !== undefined && isComposeStem(yamlStem)) return 'docker-compose';
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 ? base.slice(dot + 1) : '';
  const byExt = BY_EXT[ext];
  if (byExt === 'yaml' && dir.split('/').some((d) => MANIFEST_DIRS.has(d))) return 'kubernetes';
  return byExt ?? 'text';
}

const MANIFEST_DIRS = new Set(['k8s', 'kubernetes', 'manifests', 'helm', 'charts']);

/** compose or docker-compose, then word characters, dots and dashes: compose.prod, docker-compose.override. */
function isComposeStem(stem: string): boolean {
  const rest = stem.startsWith('docker-compose') ? stem.slice(14) : stem.startsWith('compose') ? stem.slice(7) : undefined;
  if (rest === undefined) return false;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 45)) return false;
  }
  return true;
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
  const lower = path.toLowerCase();
  return MINIFIED.some((suffix) => lower.endsWith(suffix));
}

const MINIFIED = ['.min.js', '.min.css', '.js.map', '.css.map', '.bundle.js', '.chunk.js'];
