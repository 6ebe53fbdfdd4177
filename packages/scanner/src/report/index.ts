/** Vulnerability reports: building one from a scan, and writing it as table, JSON, SARIF or CycloneDX. */
export { type BuildReportOptions, buildVulnReport } from "./build-report.js";
export { fixedVersionsFromDb } from "./fixed-versions.js";
export { findReportFormat, reportFormats } from "./registry.js";
export type { ReportDatabase, ReportFormat, VulnReport } from "./types.js";
