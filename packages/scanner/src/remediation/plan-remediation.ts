import { isOsType } from "../diff/package-identity.js";
import { schemeForType } from "../diff/version-order.js";
import type { Finding } from "../match/types.js";
import type { ScanResult } from "../types.js";
import { neededVersion } from "./fix-target.js";
import { bySeverity, type FixGroup, groupKey, planFinding } from "./group.js";
import { languageUpgrade } from "./language-upgrade.js";
import { osUpgrade } from "./os-upgrade.js";
import {
  type PlannedUpgrade,
  REMEDIATION_PLAN_SCHEMA_VERSION,
  type RemediationPlan,
  type UnfixedFinding,
} from "./types.js";

/**
 * Plans the upgrades that fix a scan's findings: findings grouped by the upgrade that fixes
 * them, each upgrade aimed at the highest fixed version its findings need (compared with the
 * package's version scheme), ranked by findings fixed × severity weight. Findings without a
 * fix, or whose fixed versions cannot be ordered, are listed apart with the reason.
 *
 * `result` supplies the installed packages (to list every binary of a source package) and the
 * distro; `findings` are what `matchPackages` (or a report after its policy) gives.
 */
export function planRemediation(
  result: Pick<ScanResult, "packages" | "distro">,
  findings: readonly Finding[],
): RemediationPlan {
  const groups = new Map<string, FixGroup>();
  const unfixed: UnfixedFinding[] = [];
  for (const finding of findings) {
    const grouped = addToGroup(groups, finding);
    if (grouped !== true) unfixed.push(grouped);
  }
  const upgrades = [...groups.values()]
    .map((g) => (g.kind === "os" ? osUpgrade(g, result) : languageUpgrade(g)))
    .sort(byScore);
  return {
    schemaVersion: REMEDIATION_PLAN_SCHEMA_VERSION,
    upgrades,
    unfixed: unfixed.sort(bySeverity),
    fixable: findings.length - unfixed.length,
    total: findings.length,
  };
}

function addToGroup(groups: Map<string, FixGroup>, finding: Finding): true | UnfixedFinding {
  const scheme = schemeForType(finding.package.type);
  if (!scheme) {
    const reason = `no version scheme for package type ${finding.package.type}`;
    return { ...planFinding(finding), state: "unorderable", reason };
  }
  const needed = neededVersion(finding, scheme);
  if ("unfixed" in needed)
    return { ...planFinding(finding), state: needed.unfixed, reason: needed.reason };
  const kind = isOsType(finding.package.type) ? "os" : "language";
  const key = groupKey(finding, kind);
  const group = groups.get(key) ?? { kind, scheme, first: finding, findings: [], needed: [] };
  group.findings.push(finding);
  group.needed.push(needed.version);
  groups.set(key, group);
  return true;
}

function byScore(a: PlannedUpgrade, b: PlannedUpgrade): number {
  return (
    b.score - a.score ||
    b.findings.length - a.findings.length ||
    a.name.localeCompare(b.name) ||
    a.type.localeCompare(b.type)
  );
}
