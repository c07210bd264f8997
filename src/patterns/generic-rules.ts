/** The generic detector's rules: ids, descriptions and the variable each suggests (rules as data, like patterns/*.json). */
export interface GenericRuleMeta {
  id: string;
  description: string;
  envVar: string;
}

export const GENERIC_RULES: readonly GenericRuleMeta[] = [
  { id: 'generic-password', description: 'Password assigned in code or configuration', envVar: 'PASSWORD' },
  { id: 'generic-api-key', description: 'API key assigned in code or configuration', envVar: 'API_KEY' },
  { id: 'generic-token', description: 'Access token assigned in code or configuration', envVar: 'TOKEN' },
  { id: 'generic-secret', description: 'Secret or signing key assigned in code or configuration', envVar: 'SECRET' },
];
