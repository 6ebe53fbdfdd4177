import { highest } from "./fix-target.js";
import { bySeverity, type FixGroup, planFinding, scoreOf } from "./group.js";
import type { PlannedUpgrade, PlanTarget } from "./types.js";

/**
 * The upgrade of one language package: the lowest version that fixes all its findings, and the
 * manifests and lockfiles that pin it (the package's recorded locations), where the change goes.
 */
export function languageUpgrade(group: FixGroup): PlannedUpgrade {
  const { matchedAs, package: pkg } = group.first;
  const fixed = highest(group.needed, group.scheme);
  const target =
    fixed === undefined ? matchedAs.version : asWritten(pkg.type, matchedAs.version, fixed);
  const packages = new Map<string, PlanTarget>();
  const manifests = new Set<string>();
  for (const { package: p } of group.findings) {
    packages.set(`${p.name}@${p.version}`, { name: p.name, installed: p.version, version: target });
    for (const location of p.locations) manifests.add(location.path);
  }
  const findings = group.findings.map(planFinding).sort(bySeverity);
  return {
    kind: "language",
    type: pkg.type,
    name: matchedAs.name,
    installedVersion: matchedAs.version,
    targetVersion: target,
    scheme: group.scheme.id,
    packages: [...packages.values()],
    manifests: [...manifests].sort(),
    findings,
    vulnerabilities: [...new Set(findings.map((f) => f.id))].sort(),
    score: scoreOf(group.findings),
    notes: [],
  };
}

/**
 * A fixed version as the package's own tooling writes it. OSV writes Go module versions without
 * the `v` that go.mod and `go get module@v1.2.3` require (the toolchain's `stdlib` has none).
 */
function asWritten(type: string, installed: string, fixed: string): string {
  const goModule = type === "golang" && installed.startsWith("v");
  return goModule && !fixed.startsWith("v") ? `v${fixed}` : fixed;
}
