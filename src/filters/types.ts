import type { BaselineEntry } from './baseline.js';

/** What the filters tell the user (the CLI's messages module words them). */
export type FilterNotice =
  | { code: 'baseline-loaded'; file: string; entries: number }
  | { code: 'unused-allowlist'; origin: string }
  | { code: 'unused-baseline-entry'; entry: BaselineEntry };
