import { packageIdentity } from "../diff/package-identity.js";
import type { Finding } from "../match/types.js";
import { severityRank } from "../policy/severity.js";
import type { VersionScheme } from "../version/types.js";
import { SEVERITY_WEIGHTS } from "./severity-weight.js";
import type { PlanFinding } from "./types.js";

/** Findings one upgrade fixes, gathered before the upgrade is worked out. */
export interface FixGroup {
  kind: "os" | "language";
  scheme: VersionScheme;
  /** A finding of the group: its package and `matchedAs` name the group. */
  first: Finding;
  findings: Finding[];
  /** The version each finding needs, in `findings` order. */
  needed: string[];
}

/**
 * Which upgrade fixes a finding. OS packages group by what the feed names (the source package
 * and its version for Debian and Alpine), so one source upgrade covers all its binaries;
 * language packages by identity and installed version, so two copies at one version are one
 * upgrade and copies at two versions are two.
 */
export function groupKey(finding: Finding, kind: FixGroup["kind"]): string {
  const { ecosystem, name, version } = finding.matchedAs;
  if (kind === "os") return ["os", finding.package.type, ecosystem, name, version].join("\u0000");
  return ["language", packageIdentity(finding.package), version].join("\u0000");
}

/** A finding as the plan lists it. */
export function planFinding(finding: Finding): PlanFinding {
  const { id, severity } = finding;
  return { id, severity, package: finding.package.name, version: finding.package.version };
}

/** Most severe first, then by package and id. */
export function bySeverity(a: PlanFinding, b: PlanFinding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.package.localeCompare(b.package) ||
    a.id.localeCompare(b.id)
  );
}

/** Findings fixed × severity weight. */
export function scoreOf(findings: readonly Finding[]): number {
  return findings.reduce((sum, f) => sum + SEVERITY_WEIGHTS[f.severity], 0);
}
