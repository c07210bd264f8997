import type { Reporter } from './types.js';

/** Reporters by --format. text is loaded eagerly (the hook's format); the others on demand. */
export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export async function reporterFor(format: Format): Promise<Reporter> {
  switch (format) {
    case 'json':
      return (await import('./json.js')).jsonReporter;
    case 'sarif':
      return (await import('./sarif.js')).sarifReporter;
    default:
      return (await import('./text.js')).textReporter;
  }
}
