/** Severities from the worst down, as the server orders them. */
export const severities = ["critical", "high", "medium", "low", "unknown"] as const;
export type Severity = (typeof severities)[number];

/** Counts per severity, as the exposure and metrics routes give them. */
export type SeverityCounts = Record<Severity, number>;

/** The sum over every severity. */
export const totalOf = (counts: SeverityCounts) =>
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
