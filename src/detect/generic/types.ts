/** The shapes the generic detector's modules pass along (its settings live in config/types.ts). */
export type { EntropySettings } from '../../config/types.js';

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
  /** The value the tests judge when it differs from the text (the bytes of an array literal, as hex). */
  judged?: string;
}

/** A name and the value assigned to it. */
export interface Pair {
  key: string;
  parsed: Parsed;
}
