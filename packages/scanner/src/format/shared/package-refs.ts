import type { Package } from "../../types.js";

/**
 * One stable reference per package, unique within a document: the purl, and for the same purl
 * found twice (one library vendored in two places) the purl with the primary location added.
 * Derived from content only, so the same scan gives the same references every time.
 */
export function assignPackageRefs(packages: readonly Package[]): string[] {
  const seen = new Set<string>();
  return packages.map((pkg) => {
    const base = pkg.purl || `${pkg.type}/${pkg.name}@${pkg.version}`;
    let ref = seen.has(base) ? `${base}|${pkg.locations[0]?.path ?? ""}` : base;
    for (let n = 2; seen.has(ref); n++) ref = `${base}|${n}`;
    seen.add(ref);
    return ref;
  });
}

/** Whether a package belongs to the operating system's own package manager. */
export function isOsPackage(pkg: Package): boolean {
  return OS_PACKAGE_TYPES.has(pkg.type);
}

const OS_PACKAGE_TYPES = new Set(["deb", "apk", "rpm", "alpm", "ebuild"]);
