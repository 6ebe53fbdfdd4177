/**
 * The two things the server needs from the scanner library, kept behind small interfaces so the
 * server neither parses SBOMs nor matches advisories itself.
 */
import type { RemediationPlan, ScanResult } from "@lading/scanner";

/** SBOM formats the upload route accepts. */
export type SbomFormat = "cyclonedx" | "spdx";

/** An uploaded SBOM read into the scanner's model. */
export interface ParsedSbom {
  format: SbomFormat;
  specVersion: string;
  result: ScanResult;
}

/**
 * Reads an uploaded SBOM; throws `UnsupportedSbomError` for anything it cannot read. `trusted`
 * marks the server's own stored copy of a document it validated on upload: it may skip the
 * schema validation.
 */
export interface SbomReader {
  read(text: string, document: unknown, options?: { trusted?: boolean }): ParsedSbom;
}

/**
 * Severities from the worst down, for thresholds and sorting. The one list: the API serves it
 * (`GET /api/severities`) so the web app orders by it rather than keeping its own copy.
 */
export const severityOrder = ["critical", "high", "medium", "low", "unknown"] as const;
export type Severity = (typeof severityOrder)[number];
export type FixState = "fixed" | "not-fixed" | "wont-fix" | "unknown";

/** One vulnerability that affects one package, as a matcher reports it. */
export interface MatchedVulnerability {
  purl: string;
  vulnerabilityId: string;
  severity: Severity;
  fixState: FixState;
  fixedIn?: string;
  /** What the advisory says, kept for the vulnerability page; absent when the matcher has none. */
  details?: VulnerabilityDetails;
}

/** An advisory's description, merged over every record and alias of one vulnerability. */
export interface VulnerabilityDetails {
  aliases: string[];
  summary?: string;
  ratings: { source: string; method: string; score?: number; vector?: string; severity: string }[];
  references: string[];
  sources: string[];
}

/** When the vulnerability data was built and where it came from: the data's freshness. */
export interface MatcherStatus {
  builtAt?: string;
  advisories: number;
  sources: { name: string; records: number; skipped: number; updatedAt: string }[];
}

/** Matches a snapshot's packages against the vulnerability data the server holds. */
export interface Matcher {
  match(result: ScanResult): Promise<MatchedVulnerability[]>;
  /**
   * The upgrades that fix the snapshot's findings, as `lading scan --plan` plans them, over the
   * findings `keep` passes (triage can set some aside); undefined while no data is held.
   */
  plan?(
    result: ScanResult,
    keep: (purl: string, vulnerabilityId: string) => boolean,
  ): Promise<RemediationPlan | undefined>;
  /** Refreshes the vulnerability data; resolves true when it changed (so a re-match is due). */
  update(): Promise<boolean>;
  /** The data in use; absent when the matcher cannot tell, undefined while it holds none. */
  status?(): MatcherStatus | undefined;
}

/** True when `severity` is at `threshold` or worse. */
export function isAtLeast(severity: string, threshold: string): boolean {
  const rank = (s: string) => {
    const i = severityOrder.indexOf(s as Severity);
    return i < 0 ? severityOrder.length : i;
  };
  return rank(severity) <= rank(threshold);
}
