/**
 * Fuzzing budget. The suite runs a short, fixed-seed search (the same cases every run, a few
 * seconds in all); LEAKGUARD_FUZZ_RUNS=N runs N cases per property instead, and
 * LEAKGUARD_FUZZ_SEED=S explores other cases. A failure prints the seed and the shrunk case, so
 * it can be replayed exactly.
 */
export const FUZZ_SEED = Number(process.env.LEAKGUARD_FUZZ_SEED ?? 20261203);
const LONG = Number(process.env.LEAKGUARD_FUZZ_RUNS ?? 0);

/** Runs for one property: `ci` by default, LEAKGUARD_FUZZ_RUNS scaled by `weight` in the long run. */
export function runs(ci: number, weight = 1): number {
  return LONG > 0 ? Math.max(1, Math.round(LONG * weight)) : ci;
}

/** A generous test timeout for the long run (the default run stays far below it). */
export function fuzzTimeout(ci: number, weight = 1): number {
  return LONG > 0 ? Math.max(60_000, runs(ci, weight) * 500) : 60_000;
}

export function params(ci: number, weight = 1): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: runs(ci, weight) };
}
