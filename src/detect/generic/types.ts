/** The generic detector's rules, settings and the shapes its modules pass along. */

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

export interface EntropySettings {
  /** Shortest value considered (characters). */
  minLength: number;
  /** Shortest value considered under a password-named key (people choose short passwords). */
  passwordMinLength: number;
  /** Entropy as a share of a random string's of the same length and charset (0..1). */
  minRelative: number;
  /** Floors in bits per character by charset, for values of 20 characters and more. */
  hex: number;
  base64: number;
  alnum: number;
  printable: number;
  /** Lines longer than this are not read by the generic detector (minified code, data blobs). */
  maxLineLength: number;
}

export const DEFAULT_ENTROPY: EntropySettings = {
  minLength: 8,
  passwordMinLength: 4,
  minRelative: 0.78,
  hex: 3.0,
  base64: 3.6,
  alnum: 3.4,
  printable: 3.4,
  maxLineLength: 4000,
};

export interface GenericHit {
  ruleId: string;
  keyName: string;
  /** Offsets of the value within the line. */
  start: number;
  end: number;
  value: string;
}

/** A value read from a line, with its offsets. */
export interface Parsed {
  value: string;
  start: number;
  end: number;
}

/** A name and the value assigned to it. */
export interface Pair {
  key: string;
  parsed: Parsed;
}
