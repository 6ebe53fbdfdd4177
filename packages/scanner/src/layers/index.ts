/** Where an image's bytes went: per-layer sizes, changes, packages and waste (Dive's questions). */
export { type AnalyzeLayersOptions, analyzeLayers } from "./analyze-layers.js";
export { buildLayersReport, type LayersInput, type LayersReportOptions } from "./build-report.js";
export { type CacheCategory, type CacheCategoryId, cacheCategories } from "./cache-paths.js";
export { renderLayersTable } from "./render-table.js";
export {
  checkThresholds,
  parseThresholds,
  ThresholdError,
  type ThresholdName,
  type Thresholds,
  type ThresholdViolation,
  thresholdsFromConfig,
} from "./thresholds.js";
export * from "./types.js";
