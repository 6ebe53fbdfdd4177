/**
 * A remediation plan: the package upgrades that fix an image's findings, the ones that fix the
 * most (weighted by severity) first, and the findings no upgrade fixes yet. Its JSON shape is
 * what `--plan -o json` prints; `schemaVersion` changes when a field changes meaning.
 */
import type { Severity } from "../match/types.js";

/** Version of the plan's JSON shape. */
export const REMEDIATION_PLAN_SCHEMA_VERSION = 1;

/** One finding as a plan names it. */
export interface PlanFinding {
  id: string;
  severity: Severity;
  /** The installed package the finding is on. */
  package: string;
  version: string;
}

/** One installed package an upgrade changes, and the version it should end at. */
export interface PlanTarget {
  name: string;
  installed: string;
  /**
   * The lowest version that carries the fix; absent when it cannot be told from the advisories
   * (see `notes`).
   */
  version?: string;
  arch?: string;
}

/** One upgrade: a package (or a source package's binaries) to the version that fixes its findings. */
export interface PlannedUpgrade {
  /** `os` for deb, apk and rpm packages; `language` for registry packages. */
  kind: "os" | "language";
  /** purl type of the packages upgraded. */
  type: string;
  /**
   * What the advisories name: the source package for Debian and Alpine (whose feeds speak of
   * sources), the binary rpm for RPM distros, the registry package otherwise.
   */
  name: string;
  /** The installed version, in the advisories' terms (the source version for a source package). */
  installedVersion: string;
  /** The lowest version that fixes every fixable finding of this group, in the advisories' terms. */
  targetVersion: string;
  /** The version scheme `targetVersion` was chosen with. */
  scheme: string;
  /** The installed packages to upgrade: for a source package, its binaries present in the image. */
  packages: PlanTarget[];
  /** The package-manager command that applies the upgrade, for OS packages. */
  command?: string;
  /** Manifests and lockfiles that pin the package, for language packages. */
  manifests?: string[];
  /** Findings this upgrade fixes, most severe first. */
  findings: PlanFinding[];
  /** Distinct vulnerability ids among `findings`. */
  vulnerabilities: string[];
  /** Sum over `findings` of their severity weight: what the plan ranks by. */
  score: number;
  /** Caveats a reader must know before running `command`. */
  notes: string[];
}

/** A finding no upgrade fixes, and why. */
export interface UnfixedFinding extends PlanFinding {
  state: "not-fixed" | "wont-fix" | "unorderable";
  reason: string;
}

/** What {@link planRemediation} returns. */
export interface RemediationPlan {
  schemaVersion: typeof REMEDIATION_PLAN_SCHEMA_VERSION;
  /** Highest score first. */
  upgrades: PlannedUpgrade[];
  /** Findings with no fixed version yet, or whose fixed versions cannot be ordered. */
  unfixed: UnfixedFinding[];
  /** Findings the upgrades fix, and all findings planned for. */
  fixable: number;
  total: number;
}
