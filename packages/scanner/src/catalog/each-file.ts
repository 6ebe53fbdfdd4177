import type { CapturedFile } from "../filetree/types.js";
import type { Location, Package, Unknown } from "../types.js";
import type { CatalogContext, CatalogResult } from "./types.js";

/** Reads one kept file: its packages, or `[]` when the file is not the cataloger's. */
export type FileCataloger = (file: CapturedFile, location: Location) => Package[];

/**
 * Runs `catalogFile` on every kept file. A file that throws becomes an unknown naming it, its
 * layer and the cataloger, and the other files are still read.
 */
export function catalogEachFile(
  context: CatalogContext,
  cataloger: string,
  catalogFile: FileCataloger,
): CatalogResult {
  const result: CatalogResult = { packages: [], unknowns: [] };
  for (const file of context.tree.capturedFiles()) {
    const location = { path: file.path, layer: context.layerId(file.layerIndex) };
    try {
      result.packages.push(...catalogFile(file, location));
    } catch (err) {
      result.unknowns.push(fileUnknown(location, cataloger, (err as Error).message));
    }
  }
  return result;
}

/** An unknown for a file a cataloger could not read. */
export function fileUnknown(location: Location, cataloger: string, reason: string): Unknown {
  return { path: location.path, layer: location.layer, cataloger, reason };
}
