import type { Finding, Severity } from "../../match/types.js";

/** What fixes a finding, as a cell: the versions, or the state when there is none. */
export function fixedIn(finding: Finding): string {
  if (finding.fix.state === "fixed") return finding.fix.versions.join(", ");
  return finding.fix.state === "wont-fix" ? "(won't fix)" : "(not fixed)";
}

/** The finding's other ids, beside its preferred one. */
export function aliasesOf(finding: Finding): string[] {
  return finding.ids.filter((id) => id !== finding.id);
}

/**
 * A CVSS-style score for tools that rank by number (GitHub's `security-severity`): the highest
 * CVSS score among the ratings that agree with the chosen severity, else the middle of the
 * severity's CVSS v3 band, so a vendor's `low` is never shown as its NVD 9.8.
 */
export function severityScore(finding: Finding): number {
  const agreeing = finding.ratings
    .filter((r) => r.score !== undefined && bandOf(r.score) === finding.severity)
    .map((r) => r.score as number);
  return agreeing.length > 0 ? Math.max(...agreeing) : BAND_SCORES[finding.severity];
}

const BAND_SCORES: Record<Severity, number> = {
  critical: 9.5,
  high: 8.0,
  medium: 5.5,
  low: 2.0,
  negligible: 0.5,
  unknown: 0,
};

/** The CVSS v3 qualitative band of a score (https://www.first.org/cvss/v3.1/specification-document#Qualitative-Severity-Rating-Scale). */
function bandOf(score: number): Severity {
  if (score >= 9) return "critical";
  if (score >= 7) return "high";
  if (score >= 4) return "medium";
  return score > 0 ? "low" : "unknown";
}

/** The package's primary location, as a path relative to the image or directory root. */
export function relativePath(finding: Finding): string {
  const path = finding.package.locations[0]?.path ?? "/";
  return path.replace(/^\/+/, "") || ".";
}
