import { isCode, type Language } from '../../util/file-type.js';
import type { Pair, Parsed } from './types.js';

const KEY_WORD = /pass|pwd|pw(?![a-z])|secret|token|key|auth|cred|salt|sign|private|cipher|seed|verifier|ticket/gi;
const IDENT_CHAR = /[\w.$@-]/;
const ENV_FALLBACK =
  /^(?:os\.environ\.get|os\.getenv|getenv|System\.getenv|process\.env(?:\.\w{1,60}|\[[^\]]{1,60}\])|ENV\[[^\]]{1,60}\])(?:\([^()]{0,80}\))?\s{0,3}(?:or|\|\||\?\?|\?:)\s{0,3}(?=[@$]?["'`])/;

/** Find `name <op> value` assignments around every secret-like word of the line. */
export function assignments(line: string, language: Language): Pair[] {
  const out: Pair[] = [];
  const seen = new Set<number>();
  const bareAllowed = !isCode(language) && language !== 'json' && language !== 'notebook';
  KEY_WORD.lastIndex = 0;
  for (let m = KEY_WORD.exec(line); m; m = KEY_WORD.exec(line)) {
    let s = m.index;
    let e = m.index + m[0].length;
    while (s > 0 && IDENT_CHAR.test(line[s - 1]!)) s--;
    while (e < line.length && IDENT_CHAR.test(line[e]!)) e++;
    KEY_WORD.lastIndex = e;
    if (seen.has(s)) continue;
    seen.add(s);
    // inside a namespaced type (AWS::ApiGateway::ApiKey), an ARN (...:secret:name) or a path;
    // a Ruby symbol (:password =>) and PowerShell's $env:API_KEY are names all the same
    if (s > 0 && line[s - 1] === '/') continue;
    if (s > 1 && line[s - 1] === ':' && /[\w:]/.test(line[s - 2]!) && !/\$env:$/i.test(line.slice(Math.max(0, s - 5), s))) continue;
    let key = line.slice(s, e).replace(/^[$@-]+|[.-]+$/g, '');
    // a variable expanded inside a word is no name: mysql -p$passwd
    if (/\w\$/.test(key)) continue;
    // test runners print PASS: and FAIL: lines (PASS = "…" is an assignment all the same)
    if (key === 'PASS' && !/^["'\]]?\s{0,3}=[^=]/.test(line.slice(e))) continue;
    // a Spring placeholder's default ${DB_PASSWORD:dev}, a ternary's branch (ok ? "pass" : "fail")
    if (line.slice(Math.max(0, s - 2), s) === '${' || /\?\s{0,3}["']$/.test(line.slice(0, s))) continue;
    // a name inside a sentence of another script (a comment in Chinese) is prose
    if ((language === 'markdown' || language === 'text') && /[^\x00-\x7f]/.test(line.slice(0, s))) continue;
    if (key.startsWith('--')) key = key.slice(2);
    const quotedKey = s > 0 && (line[s - 1] === '"' || line[s - 1] === "'");
    // the last word of a quoted phrase is no name: "Invalid email or password": "<translation>"
    if (s > 0 && line[s - 1] === ' ' && (line[e] === '"' || line[e] === "'") && /["'][^"'=:;,(){}]{1,200}$/.test(line.slice(0, s))) continue;
    let i = e;
    // closing quote or bracket of the key: "password": / ['password'] = / ENV["TOKEN"] =
    while (i < line.length && (line[i] === '"' || line[i] === "'" || line[i] === ']' || line[i] === '\\' || line[i] === '`')) i++;
    // prose in docs: Set `API_TOKEN` to `value`
    // (not a range or a change note: from `Secret` to `StatefulSet`, add `CheckAliasValidityPass` to `lint:container`)
    const prose = (language === 'markdown' || language === 'text') && line[i - 1] === '`' && !/\b(?:from|add|adds|added|move|rename|convert|copy|map|append)\s{1,3}`?$/i.test(line.slice(0, s)) ? /^\s{1,3}(?:to|=|is|as|:)\s{1,3}(?=`)/.exec(line.slice(i)) : null;
    if (prose) {
      const parsed = readValue(line, i + prose[0].length, false);
      if (parsed) out.push({ key, parsed });
      continue;
    }
    const beforeSpace = i;
    while (line[i] === ' ' || line[i] === '\t') i++;
    // a type annotation: name: string = "x", val name: String = "x"
    const typed = /^:\s{0,3}[\w.<>[\]|?&':, ]{1,60}?\s{0,3}(?==[^=>])/.exec(line.slice(i));
    if (typed) i += typed[0].length;
    // Go's value-and-error pair: secret, _ := hex.DecodeString("…")
    const goPair = /^,\s{0,2}(?:_|err)\s{0,2}(?=:?=[^=])/.exec(line.slice(i));
    if (goPair) i += goPair[0].length;
    // a comparison with a literal is a hard-coded credential check: if (password === 'x')
    let op = /^(?::=|=>|\?\?=|\|\|=|\?=|\+=|===?(?=\s{0,3}[@$]?["'`])|=(?![=~])|:(?!:)|,)/.exec(line.slice(i));
    if (!op && i > beforeSpace && !typed) {
      op = [' '] as unknown as RegExpExecArray;
      i = beforeSpace;
    }
    if (!op) continue;
    // a comma pairs a qualified name with its value (setProperty("smtp.password", …)); after a bare
    // "secret" it is just the next argument: decrypt(endpoint, "secret", "garbage")
    if (op[0] === ',' && (!quotedKey || /^(?:secret|password|passwd|pass|pwd|pw|token|auth)$/i.test(key))) continue;
    // 'password:digest' is one string (a type spec, a label), not a quoted name and its value
    if (quotedKey && i === e && op[0] === ':' && /^:[^\s]/.test(line.slice(i))) continue;
    if (op[0] === ' ') {
      // a space separates name and value only in "--password value" flags, "KEY value" lines
      // (.netrc-like, after an optional export) and Dockerfile ENV/ARG; in prose it does not
      const before = line.slice(0, s).trim();
      const flag = line[s] === '-';
      // a sentence in prose starts with a capitalised word: "Password handling is described below."
      const sentence = (language === 'markdown' || language === 'text') && /^[A-Z][a-z]/.test(key);
      const lineStart = (before === '' || before === 'export') && !sentence;
      const dockerEnv = language === 'dockerfile' && /^(?:ENV|ARG)$/i.test(before);
      // YAML and JSON have no KEY value lines: a line of words there is text of a block scalar
      if (!flag && STRUCTURED.has(language)) continue;
      if (!flag && !lineStart && !dockerEnv) continue;
    }
    const glued = i === e;
    i += op[0].length;
    while (line[i] === ' ' || line[i] === '\t') i++;
    // a value wrapped in a constructor: String::from("..."), new String("..."), SecretStr("...")
    // (a type's constructor, not any call: get_password("x") reads a secret, it is none)
    // (or a decoding of it: []byte("…"), hex.DecodeString("…"), b64decode(b"…"), unhexlify("…"), Buffer.from("…"))
    const wrapper = /^(?:new\s+)?(?:[A-Z][\w.:]{0,40}|str|bytes|[a-z]\w{0,20}::from|\[\]byte|(?:hex|base64\.(?:Std|URL|RawStd|RawURL)Encoding)\.DecodeString|(?:base64\.)?(?:b64|b32|urlsafe_b64)decode|(?:binascii\.)?(?:unhexlify|a2b_hex)|bytes\.fromhex|Buffer\.from|atob)\(\s{0,2}(?=[@$]?[rbRB]?["'`])/.exec(line.slice(i));
    if (wrapper) i += wrapper[0].length;
    // the fallback of an environment lookup is the secret in code: os.getenv("X") or "…", process.env.X || "…"
    const fallback = wrapper ? null : ENV_FALLBACK.exec(line.slice(i));
    if (fallback) i += fallback[0].length;
    // a tuple ("user", "secret") holds quoted values; a bare word after a comma is the next argument
    // inside a string literal or a comment of code, key=value pairs are bare: "proxy.password=…", "?password=…&"
    const inString = isCode(language) && op[0] === '=' && glued && /["'?&;\s]/.test(line[s - 1] ?? '') && (/["'`]/.test(line.slice(0, s)) || /^\s*(?:\/\/|\*|#|\/\*)/.test(line));
    // inside a template action ({{- $password := .Values.auth.password }}) only a quoted value is a literal
    const inAction = line.lastIndexOf('{{', s) > line.lastIndexOf('}}', s);
    const bare = (bareAllowed || inString || language === 'shell' || language === 'dockerfile') && !inAction && !wrapper && op[0] !== ',' && op[0] !== '==' && op[0] !== '===';
    // inside a string, a quote right after the = closes it: '--password='.$pw is a prefix to concatenate
    if (inString && /^["'`]/.test(line.slice(i)) && line.slice(0, s).split(line[i]!).length % 2 === 0) continue;
    const parsed = readValue(line, i, bare);
    // after a comma the value is the next argument of a call or pair: setProperty("smtp.password", "…")
    if (parsed && op[0] === ',' && !/^["'`]?\s{0,2}\)/.test(line.slice(parsed.end))) continue;
    // a destructuring pairs names and values by position: login, password = 'a', 'b'
    if (parsed && (op[0] === '=' || op[0] === ':=') && /\w\s{0,2},\s{0,2}$/.test(line.slice(0, s))) {
      const nth = destructured(line, s, parsed);
      if (nth) out.push({ key, parsed: nth });
      if (nth || /^["'`]?\s{0,2},\s{0,2}["'`]/.test(line.slice(parsed.end))) continue;
    }
    if (parsed && !proseAfterBareValue(line, parsed, language, op[0], key)) out.push({ key, parsed });
  }
  return out;
}

/**
 * The value a destructuring gives the last of its names (`login, password = 'a', 'b'` gives password
 * 'b'), when every name has a quoted literal of its own; otherwise none.
 */
function destructured(line: string, s: number, first: Parsed): Parsed | undefined {
  const names = /^\s*(?:(?:var|let|const|local)\s+)?((?:[\w.$@]{1,60}\s{0,2},\s{0,2}){1,8})$/.exec(line.slice(0, s));
  if (!names) return undefined;
  const index = names[1]!.split(',').length - 1;
  let value = first;
  for (let k = 0; k < index; k++) {
    const comma = /^["'`]\s{0,2},\s{0,2}/.exec(line.slice(value.end));
    const next = comma ? readValue(line, value.end + comma[0].length, false) : undefined;
    if (!next) return undefined;
    value = next;
  }
  // no more values than names
  return /^["'`]\s{0,2},/.test(line.slice(value.end)) ? undefined : value;
}

const STRUCTURED = new Set<Language>(['yaml', 'kubernetes', 'docker-compose', 'github-actions', 'gitlab-ci', 'json']);
const GLUED_COLON_IS_TEXT = new Set<Language>(['yaml', 'kubernetes', 'docker-compose', 'github-actions', 'gitlab-ci', 'markdown', 'text']);

/** A bare value that is prose or code, not a value: `forgot.password: Forgot password?`, `password: params[:password]`. */
function proseAfterBareValue(line: string, parsed: Parsed, language: Language, op: string, key: string): boolean {
  // a flag's value (--password=…) and a shell variable prefix (PGPASSWORD=… psql) are followed by the command
  if (language === 'shell' || language === 'dockerfile' || line[parsed.start - key.length - 2] === '-') return false;
  const { start, end } = parsed;
  // YAML and prose need a space after the colon: `password:digest` is one word
  if (op === ':' && line[start - 1] === ':' && GLUED_COLON_IS_TEXT.has(language)) return true;
  const next = line[end];
  // in prose a quoted word that a sentence goes on after is a word of it: password `auth` string
  if (op === ' ' && (language === 'markdown' || language === 'text') && /^["'`]\s{1,3}[A-Za-z]/.test(line.slice(end))) return true;
  if (next === '"' || next === "'" || next === '`') return false;
  // in prose, "KEY value" is a sentence unless the line is only that (or a .netrc-like run of pairs)
  if (op === ' ') {
    if (language !== 'markdown' && language !== 'text') return false;
    return line[end - 1] === ':' || /^[ \t]{1,4}(?!login|password|machine|account)\S/.test(line.slice(end));
  }
  // code in docs: password: params[:password]
  if (next === '[' || next === '(') return true;
  // in docs a bare value ends its line (YAML, .env); code around it is a snippet, not a setting
  // (or a command line: -e DB_PASSWORD=… -d postgres, --password=… --host h, a connection string's next pair)
  if (language === 'markdown' || language === 'text') return !/^(?:\s*[,;]?\s*(?:#.*)?$|\s+(?:-{1,2}[A-Za-z]|\\$)|[;&"'])/.test(line.slice(end));
  // (an environment prefix of a command is not: PGPASSWORD=… psql)
  return (op === ':' || !/^[A-Z][A-Z0-9_]{1,60}$/.test(key)) && /^[ \t]{1,4}[A-Za-z]/.test(line.slice(end));
}

/** Read a value starting at `i`: a quoted string (also \"escaped\" quotes) or, outside code, a bare word. */
export function readValue(line: string, i: number, bareAllowed: boolean): Parsed | undefined {
  let pos = i;
  // string prefixes: python b"", r"", f"", C# @"" and $"", Kotlin/Swift none
  const prefix = /^(?:[rbfuRBFU]{1,2}|@|\$|[A-Z]?[a-z]{0,8}!?)(?=["'`])/.exec(line.slice(pos, pos + 12));
  if (prefix && prefix[0].length <= 2) pos += prefix[0].length;
  let quote = line[pos];
  let escapedQuote = false;
  if (quote === '\\' && (line[pos + 1] === '"' || line[pos + 1] === "'")) {
    escapedQuote = true;
    quote = line[pos + 1];
    pos += 1;
  }
  if (quote === '"' || quote === "'" || quote === '`') {
    const start = pos + 1;
    let j = start;
    while (j < line.length) {
      const ch = line[j];
      if (escapedQuote) {
        if (ch === '\\' && line[j + 1] === quote) break;
      } else if (ch === '\\') {
        j += 2;
        continue;
      } else if (ch === quote) break;
      j++;
    }
    if (j >= line.length) return undefined;
    return { value: line.slice(start, j), start, end: j };
  }
  if (!bareAllowed) return undefined;
  const m = /^[^\s"'`,;<>(){}[\]&]{1,1000}/.exec(line.slice(pos));
  if (!m) return undefined;
  let value = m[0];
  // trailing comment markers glued to the value are not part of it
  value = value.replace(/(?:\\n|\\r)+$/, '');
  return { value, start: pos, end: pos + value.length };
}
