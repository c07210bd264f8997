import { replacementFor } from '../suggest/env-var.js';
import type { Language } from '../util/file-type.js';
import { literalAt, type LexOptions } from './literals.js';
import type { LineRewrite, Need } from './types.js';

/**
 * Code: the string literal that holds the secret becomes the environment read of the language
 * (the suggestion's table). When the secret is only part of the literal (a password inside a
 * connection string, "Bearer <token>"), the string is rebuilt around the read, so the program
 * sees the same text as before once the variable holds the value.
 */
interface CodeSyntax extends LexOptions {
  /** How the language joins strings. */
  concat: string;
  /** Prefixes that cannot be split or dropped (Python bytes). */
  badPrefix?: RegExp;
  need?: Need;
  /** JS template literals interpolate instead of concatenating. */
  interpolate?: Record<string, (expr: string) => string>;
}

const C_LIKE = { lineComment: ['//'], prefixes: /^$/ } as const;
const SYNTAX: Partial<Record<Language, CodeSyntax>> = {
  javascript: { ...C_LIKE, quotes: ['"', "'", '`'], concat: '+', interpolate: { '`': (e) => `\${${e}}` } },
  typescript: { ...C_LIKE, quotes: ['"', "'", '`'], concat: '+', interpolate: { '`': (e) => `\${${e}}` } },
  python: { quotes: ['"', "'"], triple: true, lineComment: ['#'], prefixes: /[rRbBfFuU]/, badPrefix: /[bB]/, concat: '+', need: 'python-os' },
  go: { ...C_LIKE, quotes: ['"', '`'], rawQuotes: ['`'], concat: '+', need: 'go-os' },
  java: { ...C_LIKE, quotes: ['"'], triple: true, concat: '+' },
  kotlin: { ...C_LIKE, quotes: ['"'], triple: true, concat: '+' },
  csharp: { ...C_LIKE, quotes: ['"'], prefixes: /[@$]/, concat: '+', need: 'csharp-system' },
  ruby: { quotes: ['"', "'"], lineComment: ['#'], prefixes: /^$/, concat: '+' },
  php: { quotes: ['"', "'"], lineComment: ['//', '#'], prefixes: /^$/, concat: '.' },
};

export function isCodeLanguage(language: Language): boolean {
  return language in SYNTAX;
}

export function rewriteCode(line: string, start: number, secret: string, language: Language, name: string): LineRewrite {
  const syntax = SYNTAX[language];
  if (!syntax) return { ok: false, reason: 'unsupported-language' };
  const end = start + secret.length;
  const lit = literalAt(line, start, end, syntax);
  if (!lit) return { ok: false, reason: 'not-in-literal' };
  if (!lit.closed) return { ok: false, reason: 'multi-line' };
  if (lit.quote.length === 3 && line.slice(lit.open + 3, lit.close) !== secret) return { ok: false, reason: 'string-prefix' };
  if (syntax.badPrefix?.test(lit.prefix)) return { ok: false, reason: 'string-prefix' };
  // the file holds the text of the literal; with escapes or interpolation in it, the value differs
  const interpolating = lit.prefix.includes('$') || /f/i.test(lit.prefix) || lit.quote === '`' || (language === 'ruby' || language === 'php' ? lit.quote === '"' : false);
  if (/\\/.test(secret) && !(lit.quote === '`' && language === 'go')) return { ok: false, reason: 'escapes' };
  if (interpolating && /[{}$#]/.test(secret)) return { ok: false, reason: 'escapes' };
  if (language === 'csharp' && lit.prefix.includes('@') && secret.includes('"')) return { ok: false, reason: 'escapes' };

  const expr = replacementFor(language, name).replacement;
  const before = line.slice(lit.open + lit.quote.length, start);
  const after = line.slice(end, lit.close);
  const needs: Need[] = lit.inComment || !syntax.need ? [] : [syntax.need];
  const from = lit.open - lit.prefix.length;
  const to = lit.close + lit.quote.length;
  let replacement: string;
  if (!before && !after) replacement = expr;
  else if (syntax.interpolate?.[lit.quote]) replacement = `${lit.prefix}${lit.quote}${before}${syntax.interpolate[lit.quote]!(expr)}${after}${lit.quote}`;
  else {
    const part = (text: string) => `${lit.prefix}${lit.quote}${text}${lit.quote}`;
    const pieces = [...(before ? [part(before)] : []), expr, ...(after ? [part(after)] : [])];
    replacement = `(${pieces.join(` ${syntax.concat} `)})`;
  }
  let text = line.slice(0, from) + replacement + line.slice(to);
  // a constant cannot hold a value read at run time
  if (!lit.inComment) text = unconst(text, language, needs);
  return { ok: true, text, needs };
}

function unconst(text: string, language: Language, needs: Need[]): string {
  if (language === 'go') {
    if (/^\s*const\s/.test(text)) return text.replace(/^(\s*)const\b/, '$1var');
    needs.push('go-const');
  }
  if (language === 'csharp') return text.replace(/\bconst\s+(?=\w)/, 'static readonly ');
  if (language === 'kotlin') return text.replace(/\bconst\s+val\b/, 'val');
  return text;
}
