/** The library API: scan, config and rules, reporters. Never prints, never touches process state. */
export { scan, prepareEngine } from './scan.js';
export type { ScanRequest, ScanResult, ScanStats, Notice, HistoryRequest } from './scan.js';
export type { Finding, Suppressed } from './findings/types.js';
export type { Candidate } from './detect/types.js';
export type { Suggestion } from './suggest/types.js';
export type { CompiledRule, PatternRule, PatternFile } from './patterns/types.js';
export { loadBuiltinRules } from './patterns/load-patterns.js';
export { Detector } from './detect/detect.js';
export { shannonEntropy } from './detect/entropy.js';
export { reporterFor, FORMATS } from './reporters/index.js';
export { LeakguardError, ConfigError, GitError, PatternError, UsageError, InputError } from './errors.js';
