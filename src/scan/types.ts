import type { HistoryRequest, Progress, ScanMode } from '../sources/types.js';

/** What to scan and how: built by the CLI from its options, or by a library caller. */
export interface ScanRequest {
  mode: ScanMode;
  cwd: string;
  paths: readonly string[];
  configPath?: string | undefined;
  inlineAllow: boolean;
  /** false disables the baseline; a string overrides its path. */
  baseline?: string | false | undefined;
  useGitignore: boolean;
  maxFileSize?: number | undefined;
  history?: HistoryRequest;
  onProgress?: (progress: Progress) => void;
  /** Called once, when the scan has read LARGE_SCAN_BYTES of text (a long run after all). */
  onLargeScan?: () => void;
}

export const LARGE_SCAN_BYTES = 1 << 20;
