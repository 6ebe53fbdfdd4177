import type { Package } from "../types.js";
import { packageIdentity } from "./package-identity.js";
import type { DiffPackage, PackageChanges, VersionChange } from "./types.js";
import { orderVersions } from "./version-order.js";

/**
 * Compares two package lists by identity ({@link packageIdentity}). Versions present on both
 * sides are unchanged. When an identity is left with exactly one version on each side, that is
 * an upgrade, a downgrade, or — when the scheme cannot order them — a change. When it is left
 * with several (a library vendored at two versions), pairing them would be a guess, so the
 * leftovers are listed as removed and added.
 */
export function diffPackages(a: readonly Package[], b: readonly Package[]): PackageChanges {
  const changes: PackageChanges = {
    added: [],
    removed: [],
    upgraded: [],
    downgraded: [],
    changed: [],
    unchanged: 0,
  };
  const sidesA = byIdentity(a);
  const sidesB = byIdentity(b);
  for (const identity of new Set([...sidesA.keys(), ...sidesB.keys()]))
    compareIdentity(sidesA.get(identity) ?? new Map(), sidesB.get(identity) ?? new Map(), changes);
  sortChanges(changes);
  return changes;
}

/** identity → version → the package (the first one seen of that version). */
type Versions = Map<string, DiffPackage>;

function byIdentity(packages: readonly Package[]): Map<string, Versions> {
  const out = new Map<string, Versions>();
  for (const pkg of packages) {
    const identity = packageIdentity(pkg);
    const versions = out.get(identity) ?? new Map<string, DiffPackage>();
    if (!versions.has(pkg.version)) versions.set(pkg.version, toDiffPackage(pkg, identity));
    out.set(identity, versions);
  }
  return out;
}

function toDiffPackage(pkg: Package, identity: string): DiffPackage {
  const out: DiffPackage = {
    identity,
    name: pkg.name,
    type: pkg.type,
    version: pkg.version,
    purl: pkg.purl,
  };
  if (pkg.arch) out.arch = pkg.arch;
  return out;
}

function compareIdentity(a: Versions, b: Versions, changes: PackageChanges): void {
  const onlyA = [...a.values()].filter((p) => !b.has(p.version));
  const onlyB = [...b.values()].filter((p) => !a.has(p.version));
  changes.unchanged += a.size - onlyA.length;
  const [from, to] = [onlyA[0], onlyB[0]];
  if (onlyA.length === 1 && onlyB.length === 1 && from && to) {
    classify(from, to, changes);
    return;
  }
  changes.removed.push(...onlyA);
  changes.added.push(...onlyB);
}

function classify(from: DiffPackage, to: DiffPackage, changes: PackageChanges): void {
  const change: VersionChange = {
    identity: to.identity,
    name: to.name,
    type: to.type,
    from: from.version,
    to: to.version,
  };
  if (to.arch) change.arch = to.arch;
  const ordering = orderVersions(to.type, from.version, to.version);
  if (ordering.scheme) change.scheme = ordering.scheme;
  if ("reason" in ordering) changes.changed.push({ ...change, reason: ordering.reason });
  else if (ordering.order < 0) changes.upgraded.push(change);
  else if (ordering.order > 0) changes.downgraded.push(change);
  // Equal under the scheme but spelt differently (`1.0` and `1.0.0`): a change, not a move.
  else changes.changed.push({ ...change, reason: `equal as ${ordering.scheme} versions` });
}

function sortChanges(changes: PackageChanges): void {
  const byName = (x: { name: string; identity: string }, y: { name: string; identity: string }) =>
    x.name.localeCompare(y.name) || x.identity.localeCompare(y.identity);
  for (const list of [changes.added, changes.removed, changes.upgraded, changes.downgraded])
    list.sort(byName);
  changes.changed.sort(byName);
}
