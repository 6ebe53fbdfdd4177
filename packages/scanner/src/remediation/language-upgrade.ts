import type { Package } from "../types.js";
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
  const notes = new Set<string>();
  for (const { package: p } of group.findings) {
    packages.set(`${p.name}@${p.version}`, { name: p.name, installed: p.version, version: target });
    for (const location of p.locations) {
      const where = whereToChange(p, location.path, target);
      manifests.add(where.manifest);
      if (where.note) notes.add(where.note);
    }
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
    notes: [...notes].sort(),
  };
}

/**
 * Where a package's version is set, from where it was found. An npm package installed under
 * `node_modules` is pinned by the project that installed it (its `package.json` and lockfile,
 * beside the top `node_modules`), not by its own `package.json`; one nested under another
 * package is a dependency of a dependency, raised with npm's `overrides` or by upgrading its
 * parent. A Go module read from a binary is fixed by rebuilding the binary from its source.
 */
function whereToChange(
  p: Package,
  path: string,
  target: string,
): { manifest: string; note?: string } {
  if (p.type === "npm") {
    const at = path.indexOf("/node_modules/");
    if (at < 0) return { manifest: path };
    const project = `${path.slice(0, at)}/package.json`;
    if (path.split("/node_modules/").length <= 2) return { manifest: project };
    return {
      manifest: project,
      note: `${p.name} is a dependency of a dependency under ${path.slice(0, at) || "/"}: set "overrides": { "${p.name}": "${target}" } in ${project}, or upgrade the package that requires it`,
    };
  }
  if (p.type === "golang" && p.foundHow === "binary") {
    return {
      manifest: path,
      note: `${path} is a Go binary: rebuild it from its source with ${p.name === "stdlib" ? `Go ${target}` : `go get ${p.name}@${target}`}`,
    };
  }
  return { manifest: path };
}

/**
 * A fixed version as the package's own tooling writes it. OSV writes Go module versions without
 * the `v` that go.mod and `go get module@v1.2.3` require (the toolchain's `stdlib` has none).
 */
function asWritten(type: string, installed: string, fixed: string): string {
  const goModule = type === "golang" && installed.startsWith("v");
  return goModule && !fixed.startsWith("v") ? `v${fixed}` : fixed;
}
