/**
 * The advisory model every source converts into: OSV's shape (https://ossf.github.io/osv-schema/,
 * schema 1.7), trimmed to what matching and reporting use, plus the vendor facts OSV has no field
 * for (a distro's own urgency, and "won't fix" decisions).
 */

/** One OSV range event; exactly one key is set. */
export interface RangeEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

/** An OSV range. `GIT` ranges name commits, which installed packages do not carry. */
export interface AffectedRange {
  type: "ECOSYSTEM" | "SEMVER" | "GIT";
  events: RangeEvent[];
}

/** What the vendor decided about an affected package that has no fix. */
export type VendorState = "not-fixed" | "wont-fix";

/** One package an advisory speaks of, in one ecosystem (`PyPI`, `Debian:12`, `Alpine:v3.10`). */
export interface Affected {
  ecosystem: string;
  /** As the feed names it: the source package for Debian and Alpine feeds. */
  name: string;
  ranges: AffectedRange[];
  /** Exact affected versions, OSV's `versions` list. */
  versions?: string[];
  /** Set only when the vendor said so (Debian `<ignored>`, an end-of-life release). */
  state?: VendorState;
  /** The vendor's own words on the state (`no-dsa: Minor issue`, `end-of-life`). */
  note?: string;
  /** The vendor's severity for this package (Debian urgency, Ubuntu priority). */
  severity?: string;
}

/** A severity rating as the record gives it: a CVSS vector, or a vendor's word. */
export interface RawSeverity {
  /** OSV severity type (`CVSS_V2`, `CVSS_V3`, `CVSS_V4`, `Ubuntu`) or a source's label. */
  type: string;
  score: string;
}

/** One advisory, as stored and matched. */
export interface Advisory {
  id: string;
  /**
   * Storage key, when one id is spread over several documents (an Alpine CVE has one secdb
   * file per branch); a record with the same key replaces the stored one. Defaults to `id`.
   */
  key?: string;
  /** Other ids for the same vulnerability (CVE, GHSA, DSA, ALPINE-...): findings merge on them. */
  aliases: string[];
  summary?: string;
  published?: string;
  modified?: string;
  /** Set when the publisher withdrew the record; withdrawn records never match. */
  withdrawn?: string;
  severity: RawSeverity[];
  references: string[];
  affected: Affected[];
}

/** A record a source could not convert, kept with its reason instead of failing the import. */
export interface SkippedRecord {
  /** File, zip entry or URL, with the record's key where there is one. */
  path: string;
  reason: string;
}

/** What a source made of one document. */
export interface ConvertResult {
  advisories: Advisory[];
  skipped: SkippedRecord[];
}

/**
 * A vulnerability data format. One folder per format under `vulndb/sources/`, listed in
 * `vulndb/sources/registry.ts`. Documents are parsed JSON or YAML; a source recognises its own.
 */
export interface AdvisorySource {
  /** Stable name, equal to the source's folder name. */
  readonly name: string;
  /** Cheap test on a parsed document (and its file name) for this format's shape. */
  accepts(doc: unknown, fileName: string): boolean;
  /** Converts a document; a broken record is skipped with its reason, never thrown. */
  convert(doc: unknown, fileName: string): ConvertResult;
}
