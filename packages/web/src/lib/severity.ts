import type { Schemas } from "./api-client";

/** A finding's severity; their order comes from the server (`useSeverities`). */
export type Severity = Schemas["Severities"]["items"][number];

/** Counts per severity, as the exposure and metrics routes give them. */
export type SeverityCounts = Record<Severity, number>;

/** A zero count for each of the given severities. */
export const zeroCounts = (severities: readonly Severity[]) =>
  Object.fromEntries(severities.map((s) => [s, 0])) as SeverityCounts;

/** The sum over the given severities. */
export const totalOf = (counts: SeverityCounts, severities: readonly Severity[]) =>
  severities.reduce((sum, s) => sum + counts[s], 0);

/** VEX analysis states and justifications the triage route accepts. */
export const analysisStates = [
  "in_triage",
  "exploitable",
  "resolved",
  "false_positive",
  "not_affected",
] as const;
export const justifications = [
  "code_not_present",
  "code_not_reachable",
  "requires_configuration",
  "requires_dependency",
  "requires_environment",
  "protected_by_compiler",
  "protected_at_runtime",
  "protected_at_perimeter",
  "protected_by_mitigating_control",
] as const;

/** A state or justification for reading: `not_affected` → "not affected". */
export const humanize = (value: string) => value.replaceAll("_", " ");
