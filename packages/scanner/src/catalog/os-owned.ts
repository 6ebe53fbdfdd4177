import type { Package } from "../types.js";

/** purl types of packages a distribution's package manager installs. */
const OS_TYPES = new Set(["deb", "apk", "rpm", "alpm"]);

/**
 * Counts language packages once. A language package whose primary location (its METADATA,
 * package.json, gemspec, jar...) is a file that an OS package owns was installed by the distro
 * (Debian's python3-requests, /usr/share/nodejs/*, lib*-java): it is kept in the list but
 * flagged with `metadata.ownedBy` = the owning OS package's purl, so an SBOM can show that the
 * OS package contains it and the vulnerability matcher checks it through the distro's
 * advisories, which know the distro's backported fixes, instead of the ecosystem's.
 *
 * Kept rather than dropped because the SBOM should still say what the image holds, and a
 * reader looking for "requests" should find it. Returns a new array; packages are copied only
 * when flagged. OS packages list their files in `files` (absolute paths).
 */
export function markOsOwned(packages: Package[]): Package[] {
  const owners = new Map<string, string>();
  for (const pkg of packages) {
    if (!OS_TYPES.has(pkg.type)) continue;
    for (const file of pkg.files ?? []) if (!owners.has(file)) owners.set(file, pkg.purl);
  }
  if (owners.size === 0) return [...packages];
  return packages.map((pkg) => {
    if (OS_TYPES.has(pkg.type)) return pkg;
    const owner = ownerOf(pkg, owners);
    return owner ? { ...pkg, metadata: { ...pkg.metadata, ownedBy: owner } } : pkg;
  });
}

/** The OS package owning the package's primary location (dpkg lists every file it installs). */
function ownerOf(pkg: Package, owners: Map<string, string>): string | undefined {
  const primary = pkg.locations[0]?.path;
  return primary === undefined ? undefined : owners.get(primary);
}

/** True when {@link markOsOwned} flagged the package as installed by an OS package. */
export function isOsOwned(pkg: Package): boolean {
  return typeof pkg.metadata?.ownedBy === "string";
}
