import type { Finding } from "../match/types.js";
import { severityRank } from "../policy/severity.js";
import type { Package } from "../types.js";
import { packageIdentity } from "./package-identity.js";
import type { DiffFinding, FindingChanges } from "./types.js";

/**
 * Findings B introduced and findings B fixed, relative to A. A finding is the same on both
 * sides when its vulnerability id and its package's identity are: an upgraded package that is
 * still vulnerable to the same CVE keeps that finding, neither fixed nor introduced. Given B's
 * packages, each fixed finding says what B holds instead (the version, or that it is removed).
 */
export function diffFindings(
  a: readonly Finding[],
  b: readonly Finding[],
  packagesB?: readonly Package[],
): FindingChanges {
  const keysA = keyed(a);
  const keysB = keyed(b);
  const introduced = [...keysB].filter(([key]) => !keysA.has(key)).map(([, f]) => f);
  const versionsB = packagesB && new Map(packagesB.map((p) => [packageIdentity(p), p.version]));
  const fixed = [...keysA]
    .filter(([key]) => !keysB.has(key))
    .map(([, f]) => {
      if (versionsB === undefined) return f;
      const version = versionsB.get(f.identity);
      return { ...f, inB: version === undefined ? ("removed" as const) : { version } };
    });
  return {
    compared: true,
    introduced: introduced.sort(bySeverity),
    fixed: fixed.sort(bySeverity),
    unchanged: keysA.size - fixed.length,
    totalA: keysA.size,
    totalB: keysB.size,
  };
}

function keyed(findings: readonly Finding[]): Map<string, DiffFinding> {
  const out = new Map<string, DiffFinding>();
  for (const finding of findings) {
    const identity = packageIdentity(finding.package);
    out.set(`${finding.id}\u0000${identity}`, {
      id: finding.id,
      severity: finding.severity,
      package: finding.package.name,
      version: finding.package.version,
      identity,
      fixedIn: finding.fix.versions,
    });
  }
  return out;
}

function bySeverity(x: DiffFinding, y: DiffFinding): number {
  return (
    severityRank(y.severity) - severityRank(x.severity) ||
    x.package.localeCompare(y.package) ||
    x.id.localeCompare(y.id)
  );
}

/** What B holds of a fixed finding's package, in words. */
export function nowIn(finding: DiffFinding): string {
  if (finding.inB === undefined) return "";
  return finding.inB === "removed" ? "removed" : finding.inB.version;
}
