/**
 * A narrow entry point (`@lading/scanner/sbom`) with only what reading an image and writing its
 * SBOM needs. The main entry re-exports the whole library, including vulnerability matching
 * and SBOM validation; a command that only writes an SBOM starts faster without loading them.
 */

export { LadingError } from "./errors.js";
export { findFormat, formats } from "./format/registry.js";
export type { Format, FormatContext } from "./format/types.js";
export { type ScanOptions, scan } from "./scan.js";
export { DiskLayerCache } from "./source/cache/layer-cache.js";
export type * from "./types.js";
