/**
 * The generic detector: secrets with no known format, found by the name they are assigned to
 * (db_password = "...", "apiKey": "...", <password>...</password>, --token ...) and kept only
 * when the value is not a placeholder, a reference or words. One module per context family it
 * reads lives in generic/; this module is the interface the rest of leakguard uses.
 */
export { GENERIC_RULES, type GenericRuleMeta } from '../patterns/generic-rules.js';
export { DEFAULT_ENTROPY, type EntropySettings } from '../config/types.js';
export type { GenericHit } from './generic/types.js';
export { classifyKey } from './generic/key-names.js';
export { rejectValue } from './generic/keep-value.js';
export { detectGenericLine } from './generic/detect-line.js';

/** Whether a fragment can hold any generic finding at all (checked once, before its lines). */
export const GENERIC_PREFILTER = /pass|pwd|pw(?![a-z])|secret|token|key|auth|cred|salt|sign|private|bearer|cipher|seed|verifier|ticket|identified|mysql|getconnection|login/i;
