import type { ScanResult } from '../scan.js';

export interface ReportOptions {
  redact: boolean;
  color: boolean;
  verbose: boolean;
  showSuppressed: boolean;
  version: string;
}

/** A reporter turns a scan result into text. It never prints and never sees an unredacted secret unless --no-redact. */
export type Reporter = (result: ScanResult, options: ReportOptions) => string;
