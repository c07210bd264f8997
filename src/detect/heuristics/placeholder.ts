/** Fillers, documented example values and dictionary passwords: values that stand in for a secret. */

/** Documented example credentials and obvious fillers: AKIAIOSFODNN7EXAMPLE, xxxx, ****, changeme. */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|redacted|^not[_-]?used$|^unused$|changeme|change[_-]me|replace[_-]?me|replace[_-]?with|insert[_-]?(?:your|key|token|here)|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password|pass|pwd)|(?:key|token|secret|password)[_-]?here|^your[_-]|[_-]of[_-]your[_-]|fixme|^todo$|notasecret|not[_-]?a[_-]?(?:real[_-]?)?secret|fake[_-]?(?:key|token|secret|password)|^(?:test|testing|token|none|null|nil|undefined|true|false|empty|user)$/i;
/** Default credentials (admin, guest, postgres): they do open the service, but as a token or key value they are fillers. */
const DEFAULT_CREDENTIAL = /^(?:secret|password|passwd|default|admin|root|guest)$/i;

export function isPlaceholder(value: string): boolean {
  if (isFiller(value) || DEFAULT_CREDENTIAL.test(value) || isWeakPassword(value)) return true;
  // percent-encoded in a URL: p%40ssword
  const decoded = /%[0-9a-f]{2}/i.test(value) ? safeDecode(value) : value;
  return decoded !== value && (DEFAULT_CREDENTIAL.test(decoded) || isWeakPassword(decoded));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Fillers and example values, without the dictionary passwords isWeakPassword knows. */
export function isFiller(value: string): boolean {
  if (PLACEHOLDER_WORDS.test(value)) return true;
  if (/^(?:your|my|some|sample|example|fake|dummy)(?:[_-][a-z]|[A-Z][a-z]{2,}|$)/.test(value) && !/\d/.test(value)) return true;
  // a constant's name where its value should go: API_KEY, YOUR_TOKEN (a URL template's KEY:DOMAIN@)
  if (/^[A-Z]{2,}(?:_[A-Z]{2,})+$/.test(value) || /^(?:KEY|APIKEY|TOKEN|SECRET|DOMAIN|REGION|HOST|ACCOUNT|TENANT)$/.test(value)) return true;
  // truncated documentation values: QVdTOkN..., abc…xyz (the bundle stays ASCII: \u2026 is …, \u2022 is •)
  if (/\.\.\.|\u2026/.test(value)) return true;
  // what a log filter or a redaction left: [FILTERED], [REDACTED], <hidden>
  if (/^\[[A-Za-z][A-Za-z _-]{2,30}\]$/.test(value)) return true;
  // masked in logs and docs: 6a2**, ab***cd
  if (/\*{3,}/.test(value) || (value.length < 12 && /\*\*$/.test(value))) return true;
  // a run of one filler character dominating the value: xxxx, ****, ----, 0000, ....
  if (/([xX*#._\-0\u2022])\1{5,}/.test(value)) return true;
  if (/^[xX*\u2022#.]+$/.test(value) || /^(?:x{4,}|X{4,})(?![a-wyzA-WYZ])/.test(value)) return true;
  return isRepetitive(value) || (value.length >= 4 && new Set(value).size === 1);
}

/**
 * Dictionary passwords, also in leetspeak and with a number: P@55w0rd!, admin123, Welcome1,
 * test@12345, and the words tests use for a wrong one (wrong, invalid, newpass). They are reported
 * by no rule: a real credential is never one of these, a test fixture often is.
 */
const WEAK =
  /^(?:pass|passwd|password|passphrase|secret|admin|administrator|postgres|postgresql|mysql|mariadb|mongo|mongodb|redis|rabbitmq|docker|vagrant|oracle|sonar|keycloak|airflow|root|toor|test|tester|testing|guest|user|demo|default|changeme|letmein|qwerty|welcome|abc|abcd|abcdef|iloveyou|monkey|dragon|master|login|hello|foobar|foo|bar|baz|qux|wrong|invalid|incorrect|secure|weak|valid|short|blah|bad|nope|example|sample)$/;
const WEAK_COMPOUND = /^(?:my|new|old|bad|wrong|test|your|the|some|good|other|valid|invalid|correct)?[\W_]?(?:pass|password|passwd|pwd|secret|word)[\W_]?(?:word|pass|secret|key)?$/;

function unleet(value: string): string {
  return value.replace(/[@4]/g, 'a').replace(/[$5]/g, 's').replace(/0/g, 'o').replace(/[1!|]/g, 'i').replace(/3/g, 'e').replace(/7/g, 't');
}
const trimEnds = (v: string): string => v.replace(/[^a-z]+$/g, '').replace(/^[^a-z]+/g, '');

/** The passwords tests and samples type, for a right or a wrong login: test123, pass, root, dummy, wrong, newpass. */
const FIXTURE = /^(?:other|another|different|mismatch|blabla|whatever|phrase|pass|root|toor|admin|user|supersecret|test|tester|testing|dummy|demo|foo|bar|baz|qux|foobar|wrong|invalid|incorrect|bad|nope|blah|sample|example|fake|abc|abcd|abcdef|xyz|secure|weak|valid|short)$/;
const FIXTURE_COMPOUND = /^(?:new|old|bad|wrong|invalid|incorrect|test|other|valid|correct|good|your)[\W_]?(?:pass|password|passwd|pwd|secret)$/;
/** "Password" in other languages: the value of a password key in a locale file. */
const PASSWORD_TRANSLATIONS =
  /^(?:wachtwoord|senha|lozinka|heslo|geslo|cyfrinair|passwort|kennwort|salasana|clave|clau|contrasena|contrasenya|parola|haslo|adgangskode|losenord|passord|jelszo|sifre|sifra|sandi|parol|wagwoord|pasahitza|salasona|lykilord|sifreniz|senha_|motdepasse)$/;
export function isFixturePassword(value: string): boolean {
  const lower = value.toLowerCase();
  if (/^(?:password|passwd|secret|ignored|omitted|insecure)$/.test(lower.replace(/[^a-z0-9]+$/, ''))) return true;
  if (PASSWORD_TRANSLATIONS.test(lower.normalize('NFD').replace(/[^a-z_]/g, ''))) return true;
  return [trimEnds(lower), trimEnds(unleet(lower))].some((f) => FIXTURE.test(f) || FIXTURE_COMPOUND.test(f));
}

export function isWeakPassword(value: string): boolean {
  const lower = value.toLowerCase();
  const forms = new Set([trimEnds(lower), trimEnds(unleet(lower)), unleet(trimEnds(lower))]);
  for (const form of forms) {
    for (const f of [form, form.replace(/i/g, 'l'), form.replace(/i$/, '')]) {
      if (WEAK.test(f) || WEAK_COMPOUND.test(f) || /^(?:pass|password|secret|admin|test)[\W_]?(?:word|pass|secret|key)?$/.test(f)) return true;
    }
  }
  return false;
}

/**
 * Documentation values built from counting runs: a1b2c3d4..., abcd1234efgh5678, AB1C2defGHijk.
 * The share of characters that sit in ascending or descending runs of three or more; random
 * values score near zero.
 */
export function isSequential(value: string): boolean {
  if (value.length < 6) return false;
  // interleaved counting: a1b2c3d4, A1B2C3
  const evens = [...value.toLowerCase()].filter((_, i) => i % 2 === 0).join('');
  const odds = [...value.toLowerCase()].filter((_, i) => i % 2 === 1).join('');
  if (value.length <= 16 && runShare(evens) >= 0.99 && runShare(odds) >= 0.99) return true;
  if (value.length < 8) return false;
  return runShare(value) >= (value.length >= 16 ? 0.25 : 0.3);
}

/** Share of characters in ascending or descending runs of three or more (step ±1). */
function runShare(value: string): number {
  let inRuns = 0;
  let run = 1;
  for (let i = 1; i <= value.length; i++) {
    const step = i < value.length ? value.charCodeAt(i) - value.charCodeAt(i - 1) : 0;
    const prevStep = i > 1 ? value.charCodeAt(i - 1) - value.charCodeAt(i - 2) : 0;
    if (i < value.length && (step === 1 || step === -1) && (run === 1 || step === prevStep)) run++;
    else {
      if (run >= 3) inRuns += run;
      run = 1;
      if (i < value.length && (step === 1 || step === -1)) run = 2;
    }
  }
  return inRuns / value.length;
}

/** Values with very few distinct characters or a counting run: aaaaaaaa, 12345678, abcdefgh. */
export function isRepetitive(value: string): boolean {
  const distinct = new Set(value).size;
  if (value.length >= 8 && distinct <= 3) return true;
  // a counting run keeps its direction: abcd, 4321 (not the zig-zag of mnmn)
  let run = 1;
  let longest = 1;
  let prev = 0;
  for (let i = 1; i < value.length; i++) {
    const step = value.charCodeAt(i) - value.charCodeAt(i - 1);
    run = step === 1 || step === -1 ? (step === prev || run === 1 ? run + 1 : 2) : 1;
    prev = step;
    longest = Math.max(longest, run);
  }
  return longest >= 8 || (value.length <= 12 && longest >= value.length - 1);
}
