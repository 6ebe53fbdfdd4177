import type { Severity } from "../match/types.js";

/**
 * How much fixing one finding of each severity is worth when ranking upgrades. Roughly the
 * middle of each CVSS band, so one critical outweighs two mediums. `unknown` (Alpine's secdb
 * rates nothing) sits with medium: an unrated finding is not known to be harmless.
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 10,
  high: 8,
  medium: 5,
  unknown: 5,
  low: 2,
  negligible: 1,
};
