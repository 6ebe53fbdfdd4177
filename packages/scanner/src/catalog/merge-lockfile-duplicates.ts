import type { Package } from "../types.js";

const DECLARED = new Set(["lockfile", "manifest"]);

/**
 * Counts a package once when it is both installed and declared: an npm package in
 * `/app/node_modules` and the `/app/package-lock.json` entry that put it there are one package,
 * not two (two would double its findings). The installed record is kept, as it is what the
 * image holds, and gains the lockfile's location, and its dependency links when it had none.
 * A declared package with no installed copy under the declaring file's directory stays as it
 * is: a lockfile of a project whose dependencies were never installed still says what it uses.
 */
export function mergeLockfileDuplicates(packages: Package[]): Package[] {
  const installed = new Map<string, Package[]>();
  for (const pkg of packages) {
    if (pkg.foundHow === "installed") push(installed, pkg.purl, pkg);
  }
  if (installed.size === 0) return packages;
  return packages.filter((pkg) => {
    if (!DECLARED.has(pkg.foundHow)) return true;
    const twin = installed.get(pkg.purl)?.find((i) => isBelow(i, declaringDir(pkg)));
    if (!twin) return true;
    absorb(twin, pkg);
    return false;
  });
}

function push(map: Map<string, Package[]>, key: string, pkg: Package): void {
  const list = map.get(key);
  if (list) list.push(pkg);
  else map.set(key, [pkg]);
}

/** The directory of the lockfile or manifest the package was declared in. */
function declaringDir(pkg: Package): string | undefined {
  const path = pkg.locations[0]?.path;
  if (path === undefined) return undefined;
  const dir = path.slice(0, path.lastIndexOf("/"));
  return dir === "" ? "/" : dir;
}

function isBelow(pkg: Package, dir: string | undefined): boolean {
  if (dir === undefined) return false;
  const prefix = dir === "/" ? "/" : `${dir}/`;
  return pkg.locations.some((l) => l.path.startsWith(prefix));
}

function absorb(kept: Package, declared: Package): void {
  kept.locations.push(...declared.locations);
  const dependsOn = declared.metadata?.dependsOn;
  if (dependsOn !== undefined && kept.metadata?.dependsOn === undefined) {
    kept.metadata = { ...kept.metadata, dependsOn };
  }
}
