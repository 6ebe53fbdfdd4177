import type { Package } from "../types.js";

/** Qualitative severity, as CVSS names its bands; `negligible` is Debian's and Ubuntu's lowest. */
export type Severity = "critical" | "high" | "medium" | "low" | "negligible" | "unknown";

/** One rating of a finding, as a record gives it. Every rating is kept, not only the chosen one. */
export interface Rating {
  /** Who rated: the advisory id whose record holds the rating, or its vendor. */
  source: string;
  /** `CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `GHSA`, `Ubuntu`, `Debian`. */
  method: string;
  /** CVSS base score computed from the vector. */
  score?: number;
  vector?: string;
  severity: Severity;
}

/**
 * Whether a fix exists: `fixed` names the versions that fix it; `wont-fix` only where the
 * vendor said no fix will come; `not-fixed` otherwise.
 */
export interface FixState {
  state: "fixed" | "not-fixed" | "wont-fix";
  /** Lowest fixing version of each matching range (several for several branches). */
  versions: string[];
  /** The vendor's words on the state, when it gave any. */
  note?: string;
}

/** One vulnerability of one package; records that alias each other are merged into one. */
export interface Finding {
  /** The preferred id: the CVE when there is one, else the first id in sort order. */
  id: string;
  /** Every id and alias of the merged records, sorted. */
  ids: string[];
  package: Package;
  /** What was looked up: the feed's ecosystem, and the name and version compared. */
  matchedAs: { ecosystem: string; name: string; version: string };
  fix: FixState;
  severity: Severity;
  ratings: Rating[];
  summary?: string;
  references: string[];
  /** Sources (configured or imported) the merged records came from. */
  sources: string[];
}

/** A package that could not be checked, and why; never silently dropped. */
export interface SkippedPackage {
  package: Package;
  reason: string;
}

/** What {@link matchPackages} found. */
export interface MatchResult {
  findings: Finding[];
  /** Packages not checked: unknown ecosystem, unparseable or `(devel)` version, OS-owned. */
  skipped: SkippedPackage[];
  /** Number of packages looked up in the database. */
  checked: number;
}
