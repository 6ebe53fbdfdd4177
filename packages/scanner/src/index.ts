/**
 * Lading's scanner: reads container images without an engine, catalogs what they hold and
 * writes SBOMs. No HTTP and no database code lives here.
 */

export type { CatalogContext, Cataloger, CatalogResult } from "./catalog/types.js";
export * from "./diff/index.js";
export * from "./errors.js";
export { FileTree } from "./filetree/file-tree.js";
export { findFormat, formats } from "./format/registry.js";
export type { Format, FormatContext } from "./format/types.js";
export * from "./layers/index.js";
export type { Logger } from "./logger.js";
export { type AdvisoryIndex, matchPackages } from "./match/match.js";
export { cvssBaseScore } from "./match/severity.js";
export type {
  Finding,
  FixState,
  MatchResult,
  Rating,
  Severity,
  SkippedPackage,
} from "./match/types.js";
export { DEFAULT_STALE_THRESHOLDS } from "./outdated/age/image-age.js";
export { type AssessOutdatedOptions, assessOutdated } from "./outdated/assess-outdated.js";
export { distroCycle, type ProductCycle } from "./outdated/distro-cycle.js";
export { bundledEolDir, refreshedEolDir } from "./outdated/eol/eol-dirs.js";
export { judgeCycle } from "./outdated/eol/judge-cycle.js";
export { type LoadEolDataOptions, loadEolData } from "./outdated/eol/load-eol-data.js";
export { type EolProduct, eolProducts } from "./outdated/eol/products.js";
export {
  EOL_API_BASE,
  type EolRefreshOutcome,
  type RefreshEolOptions,
  refreshEolData,
} from "./outdated/eol/refresh-eol-data.js";
export { detectRuntimes } from "./outdated/runtime/detect-runtimes.js";
export type * from "./outdated/types.js";
export * from "./policy/index.js";
export * from "./remediation/index.js";
export * from "./report/index.js";
export * from "./sbom-input/index.js";
export { type ScanOptions, scan } from "./scan.js";
export { DiskLayerCache, type DiskLayerCacheOptions } from "./source/cache/layer-cache.js";
export { RegistryError } from "./source/registry/registry-error.js";
export { resolveSource } from "./source/registry.js";
export type {
  LayerCacheStore,
  OpenedSource,
  RegistryOptions,
  SourceKind,
  SourceOptions,
} from "./source/types.js";
export type * from "./types.js";
export { InvalidVersionError } from "./version/errors.js";
export { findVersionScheme, versionSchemes } from "./version/registry.js";
export type { Capability, Comparison, VersionScheme } from "./version/types.js";
export {
  type DbConfig,
  DEFAULT_MAX_AGE_HOURS,
  defaultSources,
  loadDbConfig,
  parseAge,
  type SourceConfig,
} from "./vulndb/config.js";
export { VulnDbError } from "./vulndb/errors.js";
export { resolveDbDir } from "./vulndb/paths.js";
export {
  type AffectedMatch,
  openVulnDb,
  type SourceStatus,
  type StoredAdvisory,
  VulnDb,
  type VulnDbStatus,
} from "./vulndb/store/vuln-db.js";
export type { Advisory, AdvisorySource, Affected } from "./vulndb/types.js";
export {
  type DbWriteOptions,
  importAdvisories,
  type SourceReport,
  updateVulnDb,
} from "./vulndb/update.js";
