import type { Candidate } from '../detect/types.js';
import type { Suggestion } from '../suggest/types.js';

export interface Finding extends Candidate {
  description: string;
  provider: string;
  category: string;
  revokeUrl: string | undefined;
  fingerprint: string;
  secretHash: string;
  suggestion: Suggestion;
  /** The file is excluded by .gitignore and was added anyway (git add -f). */
  gitignored: boolean;
}

export interface Suppressed {
  finding: Finding;
  /** Which filter dropped it: "inline:leakguard:allow", "allowlist.paths[0]", "baseline". */
  reason: string;
}
