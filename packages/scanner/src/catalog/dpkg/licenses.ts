import type { Package, Unknown } from "../../types.js";
import type { CatalogContext } from "../types.js";
import { copyrightPathOf, readCopyrightLicenses } from "./copyright.js";

/**
 * The largest copyright file read for licences. Most are under 30 KB and the largest of a
 * Debian base system (perl-base) is 110 KB, but real ones reach 2 MB (`libboost1.74-dev`, one
 * stanza per source file); the bytes are held from the layer read until cataloging, so a cap
 * keeps a hostile file from costing more than all the real ones together.
 */
export const COPYRIGHT_MAX_BYTES = 4 * 1024 * 1024;

/** Packages with the licences of their copyright files, and the files that were too large. */
export interface LicensedPackages {
  packages: Package[];
  unknowns: Unknown[];
}

/**
 * Adds to each package the licences its `/usr/share/doc/<name>/copyright` declares. The path
 * is read through the squashed tree, so a doc directory that is a symlink to another package's
 * (`libstdc++6 -> gcc-12-base`) yields that package's file; each real file is parsed once.
 */
export function withLicenses(
  context: CatalogContext,
  packages: Package[],
  cataloger: string,
): LicensedPackages {
  const parsed = new Map<string, string[]>();
  const unknowns: Unknown[] = [];
  const licensesAt = (real: string): string[] => {
    const known = parsed.get(real);
    if (known !== undefined) return known;
    const read = readLicenses(context, real);
    parsed.set(real, read);
    const oversized = oversizedUnknown(context, real, cataloger);
    if (oversized) unknowns.push(oversized);
    return read;
  };
  const licensed = packages.map((pkg) => {
    const real = context.tree.realPath(copyrightPathOf(pkg.name));
    const licenses = real === undefined ? [] : licensesAt(real);
    return licenses.length > 0 ? { ...pkg, licenses } : pkg;
  });
  return { packages: licensed, unknowns };
}

function readLicenses(context: CatalogContext, real: string): string[] {
  const content = context.tree.read(real);
  return content === undefined ? [] : readCopyrightLicenses(content.toString("utf8"));
}

/** A copyright file whose bytes were dropped for their size: its licences are unread. */
function oversizedUnknown(
  context: CatalogContext,
  real: string,
  cataloger: string,
): Unknown | undefined {
  const node = context.tree.get(real);
  if (node?.type !== "file" || node.size <= COPYRIGHT_MAX_BYTES) return undefined;
  if (context.tree.read(real) !== undefined) return undefined;
  return {
    path: real,
    layer: context.layerId(node.layerIndex),
    cataloger,
    reason: `copyright file of ${node.size} bytes is over the ${COPYRIGHT_MAX_BYTES} read for licences`,
  };
}
