import type { Finding, Severity } from "../match/types.js";
import { PolicyError } from "./errors.js";

/**
 * Severities from least to most severe. `unknown` (a record with no rating, as Alpine's secdb
 * gives) ranks lowest: a threshold of `unknown` fails on any finding at all.
 */
export const SEVERITY_ORDER: readonly Severity[] = [
  "unknown",
  "negligible",
  "low",
  "medium",
  "high",
  "critical",
];

/** The rank of a severity in {@link SEVERITY_ORDER}; higher is worse. */
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/** Reads a severity as users type it (any case); anything else is a {@link PolicyError}. */
export function parseSeverity(value: string): Severity {
  const severity = value.toLowerCase() as Severity;
  if (SEVERITY_ORDER.includes(severity)) return severity;
  throw new PolicyError(
    `unknown severity "${value}"; one of ${[...SEVERITY_ORDER].reverse().join(", ")}`,
  );
}

/** The findings at or above a threshold: those that make `--fail-on` fail. */
export function findingsAtOrAbove(findings: readonly Finding[], threshold: Severity): Finding[] {
  const floor = severityRank(threshold);
  return findings.filter((f) => severityRank(f.severity) >= floor);
}

/** Most severe first, then by package name and vulnerability id, for reading and diffing. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.package.name.localeCompare(b.package.name) ||
    a.package.version.localeCompare(b.package.version) ||
    a.id.localeCompare(b.id)
  );
}
