/**
 * How long the hostile-input properties run. The default is short and seeded, so CI stays fast
 * and every run tries the same inputs; `LADING_FUZZ_RUNS=N` multiplies each property's runs by N
 * for a longer search, and `LADING_FUZZ_SEED=N` tries other inputs (a failure prints the seed
 * and path that replay it).
 */
import type { Parameters } from "fast-check";

const scale = Math.max(1, Number(process.env.LADING_FUZZ_RUNS) || 1);
const seed = Number(process.env.LADING_FUZZ_SEED) || 20261203;

/** fast-check parameters for a property run `baseRuns` times by default. */
export function fuzzParameters(baseRuns: number): Parameters<unknown> {
  return { numRuns: baseRuns * scale, seed, endOnFailure: true };
}

/** The vitest timeout of a property run `baseRuns` times, each case given `perCaseMs`. */
export function fuzzTimeout(baseRuns: number, perCaseMs: number): number {
  return Math.max(60_000, baseRuns * scale * perCaseMs);
}
