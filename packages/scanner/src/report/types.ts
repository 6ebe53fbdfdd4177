/**
 * The vulnerability report `lading scan` writes: a scan result with its findings after the
 * policy, what the policy took out and why, the packages that could not be checked, and how
 * outdated the image is. Every report format is written from {@link VulnReport} alone.
 */
import type { FormatContext } from "../format/types.js";
import type { Finding, SkippedPackage } from "../match/types.js";
import type { OutdatedReport } from "../outdated/types.js";
import type { SuppressedFinding } from "../policy/types.js";
import type { ScanResult } from "../types.js";

/** When and from what the vulnerability data was built, so a report can be judged for age. */
export interface ReportDatabase {
  builtAt?: string;
  sources: { name: string; updatedAt: string }[];
}

/** Everything a report format writes. */
export interface VulnReport {
  result: ScanResult;
  /** Findings that count, most severe first. */
  findings: Finding[];
  /** Findings an ignore rule, a VEX statement or `--only-fixed` took out, with the reason. */
  suppressed: SuppressedFinding[];
  /** Packages not checked, with the reason; never silently dropped. */
  skipped: SkippedPackage[];
  /** Number of packages looked up. */
  checked: number;
  /** Absent when no end-of-life data was given. */
  outdated?: OutdatedReport;
  /** Things an operator should act on: expired ignore rules, unreadable end-of-life data. */
  warnings: string[];
  database?: ReportDatabase;
}

/**
 * One vulnerability report format per folder under `report/`, listed in `report/registry.ts`.
 * A format may take a spec version after `@` (`cyclonedx-json@1.5`).
 */
export interface ReportFormat {
  /** Name users pass to `lading scan -o`. */
  readonly id: string;
  /** Spec versions this format can write; the first is the default. Empty when unversioned. */
  readonly versions: readonly string[];
  write(report: VulnReport, context: FormatContext, version?: string): string;
}
