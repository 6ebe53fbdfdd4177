/** Reading SBOMs back into scan results; see {@link readSbom}. */
export { DEFAULT_MAX_SBOM_BYTES, type ReadSbomOptions, readSbom } from "./read-sbom.js";
export { sbomReaders } from "./registry.js";
export type { SbomReader, SbomReadOptions } from "./types.js";
