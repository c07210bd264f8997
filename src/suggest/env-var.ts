import type { Suggestion } from './types.js';
import { languageOf, type Language } from '../util/file-type.js';

/**
 * The fix for a finding: which environment variable to read instead, written in the file's own
 * language, and where the value should live. Pure: whether .env is ignored is passed in.
 */

/** db_password -> DB_PASSWORD, stripeApiKey -> STRIPE_API_KEY, smtp.password -> SMTP_PASSWORD. */
export function envVarFromKey(key: string): string | undefined {
  const name = key
    .replace(/['"\]]/g, '')
    .replace(/^.*\[/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (!name || /^\d/.test(name)) return undefined;
  return name.length > 60 ? name.slice(-60).replace(/^_+/, '') : name;
}

export function replacementFor(language: Language, name: string): { replacement: string; note?: string } {
  switch (language) {
    case 'javascript':
    case 'typescript':
      return { replacement: `process.env.${name}` };
    case 'python':
    case 'notebook':
      return { replacement: `os.environ["${name}"]` };
    case 'go':
      return { replacement: `os.Getenv("${name}")` };
    case 'java':
    case 'kotlin':
    case 'scala':
    case 'groovy':
      return { replacement: `System.getenv("${name}")` };
    case 'csharp':
    case 'fsharp':
      return { replacement: `Environment.GetEnvironmentVariable("${name}")` };
    case 'ruby':
      return { replacement: `ENV.fetch("${name}")` };
    case 'php':
      return { replacement: `getenv('${name}')` };
    case 'rust':
      return { replacement: `std::env::var("${name}")` };
    case 'swift':
      return { replacement: `ProcessInfo.processInfo.environment["${name}"]` };
    case 'c':
    case 'cpp':
      return { replacement: `getenv("${name}")` };
    case 'dart':
      return { replacement: `Platform.environment['${name}']` };
    case 'elixir':
      return { replacement: `System.fetch_env!("${name}")` };
    case 'perl':
      return { replacement: `$ENV{${name}}` };
    case 'lua':
      return { replacement: `os.getenv("${name}")` };
    case 'shell':
    case 'markdown':
    case 'text':
      return { replacement: `"$${name}"` };
    case 'powershell':
      return { replacement: `$env:${name}` };
    case 'github-actions':
      return {
        replacement: `\${{ secrets.${name} }}`,
        note: `Add ${name} under Settings > Secrets and variables > Actions, then pass it to the step with env: ${name}: \${{ secrets.${name} }}.`,
      };
    case 'gitlab-ci':
      return { replacement: `$${name}`, note: `Define ${name} as a masked, protected CI/CD variable in the project's settings.` };
    case 'docker-compose':
    case 'yaml':
      return { replacement: `\${${name}}`, note: 'Tools that read this file must expand ${VAR} from the environment (docker compose does); otherwise load the value in code.' };
    case 'kubernetes':
      return {
        replacement: `valueFrom: { secretKeyRef: { name: app-secrets, key: ${name.toLowerCase().replace(/_/g, '-')} } }`,
        note: `Create the Secret outside git (kubectl create secret generic app-secrets --from-literal=${name.toLowerCase().replace(/_/g, '-')}=...), or use a sealed/external secret.`,
      };
    case 'terraform': {
      const variable = name.toLowerCase();
      return {
        replacement: `var.${variable}`,
        note: `Declare variable "${variable}" { sensitive = true } and set it with the TF_VAR_${variable} environment variable.`,
      };
    }
    case 'dockerfile':
      return {
        replacement: `RUN --mount=type=secret,id=${name.toLowerCase()},env=${name} ...`,
        note: `Pass it at build time with docker build --secret id=${name.toLowerCase()},env=${name}, or at run time with docker run -e ${name}; never with ENV or ARG, which stay in the image.`,
      };
    case 'dotenv':
      return {
        replacement: `${name}=`,
        note: `Keep this file out of git (add it to .gitignore, then git rm --cached it) and commit a .env.example with ${name}= and no value.`,
      };
    case 'properties':
    case 'ini':
    case 'toml':
      return { replacement: `\${${name}}`, note: 'If the program reading this file does not expand ${VAR}, read the value from the environment in code instead.' };
    case 'xml':
      return { replacement: `\${env.${name}}`, note: 'Maven and many XML configs expand ${env.VAR}; otherwise read the value from the environment in code.' };
    case 'json':
      return { replacement: `"$${name}"`, note: `JSON has no variables: remove the value and have the code that loads this file read ${name} from the environment.` };
    default:
      return { replacement: `"$${name}"` };
  }
}

export interface SuggestInput {
  file: string;
  ruleEnvVar: string;
  keyName: string | undefined;
  generic: boolean;
  /** Whether .env at the repository root is ignored by git; undefined outside a repo. */
  envFileIgnored: boolean | undefined;
}

export function suggest(input: SuggestInput): Suggestion {
  const language = languageOf(input.file);
  const fromKey = input.keyName ? envVarFromKey(input.keyName) : undefined;
  // a known format keeps its conventional name unless the file already names the variable
  const envVar = input.generic ? (fromKey ?? input.ruleEnvVar) : language === 'dotenv' && fromKey ? fromKey : input.ruleEnvVar;
  const { replacement, note } = replacementFor(language, envVar);
  const suggestion: Suggestion = {
    envVar,
    replacement,
    language,
    storeIn: language === 'dotenv' ? 'your secrets manager or CI secret store' : '.env',
    storeInIgnored: input.envFileIgnored,
  };
  if (input.envFileIgnored === false && language !== 'dotenv') suggestion.gitignoreLine = '.env';
  if (note) suggestion.note = note;
  return suggestion;
}

/** The inline directive that allows a deliberate test value, in the file's comment syntax. */
export function allowDirective(language: Language): string | undefined {
  switch (language) {
    case 'json':
    case 'lockfile':
      return undefined;
    case 'xml':
    case 'markdown':
      return '<!-- leakguard:allow -->';
    case 'sql':
    case 'lua':
      return '-- leakguard:allow';
    case 'python':
    case 'notebook':
    case 'ruby':
    case 'perl':
    case 'shell':
    case 'powershell':
    case 'yaml':
    case 'docker-compose':
    case 'github-actions':
    case 'gitlab-ci':
    case 'kubernetes':
    case 'dockerfile':
    case 'dotenv':
    case 'properties':
    case 'ini':
    case 'toml':
    case 'terraform':
    case 'elixir':
    case 'text':
      return '# leakguard:allow';
    default:
      return '// leakguard:allow';
  }
}
