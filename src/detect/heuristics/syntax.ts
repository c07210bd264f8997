/** Values that are syntax rather than data: templates, references, regexes, numbers, UUIDs, hashes. */

/** Template and interpolation syntax: ${X}, {{ x }}, %(x)s, $X, %X%, <TOKEN>, #{x}, @x@. */
export function isTemplate(value: string): boolean {
  return (
    /\{\{|\}\}|\$\{[^}]{0,100}\}|\$\(\s?[\w.-]{1,60}\s?\)|%\([\w.-]{1,60}\)[sd]|#\{[^}]{0,100}\}|<%=?[^%]{0,100}%>|\[\[[\w.\s-]{1,60}\]\]/.test(value) ||
    /^\$[A-Za-z_][\w.]{0,80}$/.test(value) ||
    // a Helm or Go template's value path: .Values.azure.clientSecret
    /^\.(?:Values|Release|Chart|Capabilities|Files|Template)\.[\w.]{1,120}$/.test(value) ||
    // a shell command substitution, even where the value was cut at a space: $(grep …)
    /^\$\(/.test(value) ||
    /^%[A-Za-z_][\w.]{0,80}%$/.test(value) ||
    // batch variables inside a value (%RANDOM%@%RANDOM%) and faker templates (@word(6))
    /%[A-Z][A-Z0-9_]{2,40}%/.test(value) ||
    /^@[a-z]{2,30}\([\d, ]{0,10}\)$/.test(value) ||
    /^<[^<>]{1,80}>$/.test(value) ||
    // a URL or string with a <field> left to fill: https://user:<hidden>@host
    /[:/@]<[A-Za-z_][\w -]{0,40}>[@/:]/.test(value) ||
    /^@[A-Za-z_][\w.]{0,80}@$/.test(value) ||
    // build-time substitution markers: ##DB_PASSWORD##, __API_KEY__
    /^(?:##|__)[A-Z][A-Z0-9_]{1,80}(?:##|__)$/.test(value) ||
    /^\{[A-Za-z_][\w.]{0,80}\}$/.test(value)
  );
}

/**
 * References to where a secret really lives: environment lookups, secret managers, encrypted
 * blobs, function calls. Removes `process.env.X`, `os.environ[...]`, `vault:...`, `ENC[...]`.
 */
export function isReference(value: string): boolean {
  return (
    /^(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|env\(|ENV\[|ENV\.fetch|System\.getenv|Environment\.|config\[|settings\.|secrets\.|\$_ENV|\$_SERVER|Deno\.env)/.test(value) ||
    /^(?:vault|secretsmanager|ssm|awssm|gcpsm|azurekeyvault|keyvault|op|doppler|sops|ref\+[a-z]+):/i.test(value) ||
    // an AWS ARN names a resource (a policy, a secret in Secrets Manager), it holds no secret
    /^arn:aws[\w-]{0,20}:[\w-]{1,40}:/.test(value) ||
    // a URN names a thing (urn:k8s:secret:name:key is Traefik's reference to a Kubernetes Secret)
    /^urn:[a-z0-9][\w-]{0,31}:/i.test(value) ||
    /^\$env:[A-Za-z_]/i.test(value) ||
    // openssl's -pass env:VAR and file:PATH
    /^(?:env|file):[A-Za-z_./~]/.test(value) ||
    /^(?:ENC\[|!vault|\$ANSIBLE_VAULT|AgA[A-Za-z0-9+/]{20})/.test(value) ||
    // Maven's encrypted settings.xml passwords: {base64}
    /^\{[A-Za-z0-9+/]{8,200}={0,2}\}$/.test(value) ||
    /^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}){0,6}\(.{0,200}\)[;,]?$/.test(value)
  );
}

/** Regular expressions written in code or tests: \d, \*, {8}, [^x]. */
export function isRegexSource(value: string): boolean {
  return /\\[dswbDSWBK*.+?()[\]{}|^$]|\[[^\]]{0,80}\\x[0-9A-Fa-f]{2}|^\/\^.{1,400}\$\/[a-zA-Z]{0,6}$|\.[*+]$|\{\d{1,3}(?:,\d{0,3})?\}|\[\^?[^\]]{1,40}\][*+?{]|\(\?[:=!<]/.test(value);
}

/** Numbers, also negative, hexadecimal or with separators: -2146893048, 0x8009030C, 1_000_000. */
export function isNumber(value: string): boolean {
  return /^[-+]?(?:0x[0-9a-f]+|\d[\d_,]*(?:\.\d+)*)[lLuU]{0,2}$/i.test(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Content hashes and integrity strings: sha1/sha256/sha512 in hex, SRI "sha512-...", git SHAs. */
export function isHashLike(value: string): boolean {
  return (
    /^(?:sha(?:1|256|384|512)|md5)[-:]/i.test(value) ||
    /^sha256:[0-9a-f]{64}$/.test(value) ||
    // stored password hashes are what a login compares against, not credentials: bcrypt,
    // argon2, scrypt, crypt(3) ($1$ $5$ $6$ $y$), Django's pbkdf2, LDAP {SSHA}
    /^\$(?:2[abxy]?|argon2(?:id|i|d)|scrypt|[156y]|7|pbkdf2(?:-sha\d{1,3})?)\$/.test(value) ||
    /^(?:pbkdf2_sha\d{1,3}|bcrypt(?:_sha256)?|argon2|scrypt|sha1|md5)\$/.test(value) ||
    /^\{(?:SSHA|SHA|SMD5|MD5|CRYPT|PBKDF2[\w-]{0,10})\}/i.test(value) ||
    // an htpasswd line: user:$2y$10$…
    /^[\w.@-]{1,64}:\$(?:2[aby]?|apr1|[156])\$/.test(value) ||
    // Spring Security's DelegatingPasswordEncoder: {bcrypt}$2a$…, {pbkdf2@SpringSecurity_v5_8}… ({noop} is plain text)
    /^\{(?:bcrypt|pbkdf2|scrypt|argon2|sha-?(?:1|256|512)|md4|md5|ldap|sha256|MD4|SHA-1|SHA-256)(?:@[\w.-]{1,40})?\}./i.test(value)
  );
}
