import type { Package } from "../../types.js";
import { findVersionScheme } from "../../version/registry.js";
import type { VersionScheme } from "../../version/types.js";
import type { BehindDistro, BehindPackage, FixedVersionsProvider, KnownFix } from "../types.js";

/** The version scheme of each OS package type. */
const SCHEMES: Record<string, string> = { deb: "dpkg", apk: "apk", rpm: "rpm" };

/**
 * How far the installed OS packages are behind the fixes `provider` knows: for each, the fixes
 * newer than the installed version, whatever the severity of what they fix (a fix of no CVE
 * score is still a release the image does not have).
 */
export function assessBehind(
  packages: readonly Package[],
  provider: FixedVersionsProvider,
): BehindDistro {
  const result: BehindDistro = { checked: 0, behind: [], notCompared: [] };
  for (const pkg of packages) {
    const schemeId = SCHEMES[pkg.type];
    if (!schemeId) continue;
    result.checked++;
    try {
      const behind = compareFixes(pkg, provider(pkg), findVersionScheme(schemeId));
      if (behind) result.behind.push(behind);
    } catch (err) {
      result.notCompared.push({ purl: pkg.purl, reason: (err as Error).message });
    }
  }
  result.behind.sort((a, b) => b.missedFixes - a.missedFixes || a.name.localeCompare(b.name));
  return result;
}

function compareFixes(
  pkg: Package,
  fixes: readonly KnownFix[],
  scheme: VersionScheme,
): BehindPackage | undefined {
  const installed = installedVersion(pkg);
  const missed = fixes.filter((f) => scheme.compare(installed, f.version) < 0);
  if (missed.length === 0) return undefined;
  const newest = missed.reduce((a, b) => (scheme.compare(a.version, b.version) < 0 ? b : a));
  return {
    name: pkg.name,
    purl: pkg.purl,
    installed,
    newestFixed: newest.version,
    missedFixes: new Set(missed.map((f) => f.version)).size,
    advisories: [...new Set(missed.flatMap((f) => f.advisories))].sort(),
  };
}

/** Debian and RPM versions carry the epoch apart in the package model; fixes are written with it. */
function installedVersion(pkg: Package): string {
  if (!pkg.epoch || /^\d+:/.test(pkg.version)) return pkg.version;
  return `${pkg.epoch}:${pkg.version}`;
}
