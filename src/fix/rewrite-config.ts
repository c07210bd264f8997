import type { Language } from '../util/file-type.js';
import { literalAt } from './literals.js';
import type { LineRewrite } from './types.js';

type Done = Extract<LineRewrite, { ok: true }>;

/**
 * Shell, YAML (compose, GitHub Actions, GitLab CI, Kubernetes), Terraform, properties, INI, TOML
 * and Maven XML: the secret's text becomes the reference the format expands (the suggestion's
 * table). Quotes stay valid and a value inside a longer string keeps the rest of that string.
 */
const QUOTES = { quotes: ['"', "'"], lineComment: ['#'], prefixes: /^$/ } as const;

export function rewriteConfig(line: string, start: number, secret: string, language: Language, name: string, file: string): LineRewrite {
  const end = start + secret.length;
  const put = (text: string): Done => ({ ok: true, text: line.slice(0, start) + text + line.slice(end), needs: [] });
  const whole = (text: string, from: number, to: number): Done => ({ ok: true, text: line.slice(0, from) + text + line.slice(to), needs: [] });
  const lit = literalAt(line, start, end, QUOTES);
  const isWhole = lit ? lit.open + 1 === start && lit.close === end : false;
  if (lit && !lit.closed) return { ok: false, reason: 'multi-line' };
  if (lit?.quote === '"' && /\\/.test(secret)) return { ok: false, reason: 'escapes' };
  switch (language) {
    case 'shell': {
      if (/[\\$`"']/.test(secret)) return { ok: false, reason: 'escapes' };
      if (lit && isWhole) return whole(`"$${name}"`, lit.open, lit.close + 1);
      if (lit?.quote === '"') return put(`\${${name}}`);
      if (lit) return put(`'"\${${name}}"'`);
      const bare = (start === 0 || /[\s=]/.test(line[start - 1]!)) && (end === line.length || /[\s;&|)]/.test(line[end]!));
      return put(bare ? `"$${name}"` : `"\${${name}}"`);
    }
    case 'yaml':
    case 'docker-compose':
    case 'github-actions':
    case 'gitlab-ci': {
      const ref = language === 'github-actions' ? `\${{ secrets.${name} }}` : `\${${name}}`;
      if (lit) return put(ref);
      const before = line.slice(0, start);
      const alone = /^\s*(?:#.*)?$/.test(line.slice(end));
      if (alone && /^\s*$/.test(before)) return put(ref);
      if (alone && /(?:^|:|-)\s+$/.test(before) && !/[[{]/.test(before)) {
        return put(language === 'github-actions' ? ref : language === 'gitlab-ci' ? `$${name}` : `"${ref}"`);
      }
      if (/[[{]/.test(before)) return { ok: false, reason: 'partial-value' };
      return put(ref);
    }
    case 'kubernetes': {
      const m = /^(\s*(?:-\s+)?)value:\s*$/.exec(line.slice(0, lit ? lit.open : start));
      const rest = line.slice(lit ? lit.close + 1 : end);
      if (!m || !(lit ? isWhole : true) || !/^\s*(?:#.*)?$/.test(rest)) return { ok: false, reason: lit && !isWhole ? 'partial-value' : 'kubernetes-shape' };
      const key = name.toLowerCase().replace(/_/g, '-');
      return { ok: true, text: `${m[1]}valueFrom: { secretKeyRef: { name: app-secrets, key: ${key} } }${rest.replace(/^\s*$/, '')}`, needs: [] };
    }
    case 'terraform': {
      const variable = name.toLowerCase();
      if (/\\|\$\{|%\{/.test(secret)) return { ok: false, reason: 'escapes' };
      if (lit?.quote === "'") return { ok: false, reason: 'not-in-literal' };
      const needs = [`tf-var:${variable}` as const];
      if (lit && isWhole) return { ...whole(`var.${variable}`, lit.open, lit.close + 1), needs };
      if (lit || /^\s*$/.test(line.slice(0, start))) return { ...put(`\${var.${variable}}`), needs };
      return { ok: false, reason: 'not-in-literal' };
    }
    case 'properties':
    case 'ini':
      if (/\\/.test(secret)) return { ok: false, reason: 'escapes' };
      return put(`\${${name}}`);
    case 'toml':
      if (!lit) return { ok: false, reason: 'not-in-literal' };
      return put(`\${${name}}`);
    case 'xml':
      if (!/(^|\/)(pom|settings)\.xml$/.test(file)) return { ok: false, reason: 'xml-no-env' };
      if (/[&<>]/.test(secret)) return { ok: false, reason: 'escapes' };
      return put(`\${env.${name}}`);
    default:
      return { ok: false, reason: 'unsupported-language' };
  }
}
