import type { ConfigNotice } from '../config/types.js';
import type { DetectNotice } from '../detect/types.js';
import type { FilterNotice } from '../filters/types.js';
import type { Finding, Suppressed } from '../findings/types.js';
import type { ScanMode, Skip, SourceNotice } from '../sources/types.js';

/** Notices are data: the CLI's messages module turns them into sentences. */
export type Notice = ConfigNotice | SourceNotice | DetectNotice | FilterNotice;

export interface ScanStats {
  mode: ScanMode;
  files: number;
  fragments: number;
  lines: number;
  bytes: number;
  commits: number;
  rules: number;
  durationMs: number;
}

/** Everything a scan returns: what the reporters and the CLI's messages are given. */
export interface ScanResult {
  root: string | undefined;
  findings: Finding[];
  suppressed: Suppressed[];
  skipped: Skip[];
  notices: Notice[];
  stats: ScanStats;
  /** Findings are about history: the secret is already in commits. */
  history: boolean;
}

export interface ReportOptions {
  redact: boolean;
  color: boolean;
  verbose: boolean;
  showSuppressed: boolean;
  version: string;
}

/** A reporter turns a scan result into text. It never prints and never sees an unredacted secret unless --no-redact. */
export type Reporter = (result: ScanResult, options: ReportOptions) => string;
