import { lookupFor } from "../match/ecosystem.js";
import type { Package, ScanResult } from "../types.js";
import { highest } from "./fix-target.js";
import { bySeverity, type FixGroup, planFinding, scoreOf } from "./group.js";
import { installerFor } from "./installers.js";
import type { PlannedUpgrade, PlanTarget } from "./types.js";

/**
 * The upgrade of one OS package (or source package) group: the highest version any of its
 * findings needs, each binary built from it that the image holds, and the command.
 */
export function osUpgrade(
  group: FixGroup,
  result: Pick<ScanResult, "packages" | "distro">,
): PlannedUpgrade {
  const { matchedAs, package: pkg } = group.first;
  const target = highest(group.needed, group.scheme) ?? matchedAs.version;
  const packages = binariesOf(group, result).map((p) => targetOf(p, matchedAs.version, target));
  const installer = installerFor(pkg.type);
  const notes = [...(installer?.notes ?? [])];
  for (const t of packages.filter((p) => p.version === undefined))
    notes.push(
      `${t.name} ${t.installed}: its version does not follow its source's, so the version that carries the fix cannot be told`,
    );
  const findings = group.findings.map(planFinding).sort(bySeverity);
  return {
    kind: "os",
    type: pkg.type,
    name: matchedAs.name,
    installedVersion: matchedAs.version,
    targetVersion: target,
    scheme: group.scheme.id,
    packages,
    ...(installer ? { command: installer.command(packages) } : {}),
    findings,
    vulnerabilities: [...new Set(findings.map((f) => f.id))].sort(),
    score: scoreOf(group.findings),
    notes,
  };
}

/**
 * Installed packages looked up under the same feed name and version as the group's: for a
 * Debian or Alpine source, every binary built from it (found affected or not, since all are
 * replaced together); for an RPM distro, the binary rpm itself.
 */
function binariesOf(group: FixGroup, result: Pick<ScanResult, "packages" | "distro">): Package[] {
  const { name, version } = group.first.matchedAs;
  const type = group.first.package.type;
  const found = result.packages.filter((p) => {
    if (p.type !== type) return false;
    const outcome = lookupFor(p, result.distro);
    return (
      "lookup" in outcome && outcome.lookup.name === name && outcome.lookup.version === version
    );
  });
  const named = found.length > 0 ? found : group.findings.map((f) => f.package);
  return uniqueByName(named);
}

function uniqueByName(packages: Package[]): Package[] {
  const seen = new Map<string, Package>();
  for (const p of packages) seen.set(`${p.name}:${p.arch ?? ""}`, p);
  return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The version a binary should reach when its source reaches `target`. A Debian binary usually
 * carries its source's version; a binNMU (`+bN`) is dropped by the next source upload; a binary
 * epoch (`1:` on bsdutils, not on util-linux) stays. Any other binary version cannot be told.
 */
function targetOf(pkg: Package, sourceVersion: string, target: string): PlanTarget {
  const out: PlanTarget = { name: pkg.name, installed: pkg.version };
  if (pkg.arch) out.arch = pkg.arch;
  const version = pkg.type === "deb" ? debBinaryTarget(pkg.version, sourceVersion, target) : target;
  if (version !== undefined) out.version = version;
  return out;
}

function debBinaryTarget(binary: string, source: string, target: string): string | undefined {
  if (binary === source || new RegExp(`^${escapeRegExp(source)}\\+b\\d+$`).test(binary))
    return target;
  const epoch = /^(\d+):(.*)$/.exec(binary);
  if (epoch && epoch[2] === source && !target.includes(":")) return `${epoch[1]}:${target}`;
  return undefined;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
