import type { Finding, SkippedPackage } from "../../match/types.js";
import type { Package } from "../../types.js";
import type { ReportFormat, VulnReport } from "../types.js";

/**
 * Lading's vulnerability report as JSON: the scan's subject, every finding with its package,
 * fix and ratings, the suppressed ones with why, the packages not checked, the outdated
 * report and the warnings. The whole record: other formats are views of it.
 */
export const jsonReportFormat = {
  id: "json",
  versions: [],
  write(report, context) {
    const { result } = report;
    const document = {
      schema: "lading/vulnerability-report@1",
      tool: { name: context.toolName, version: context.toolVersion },
      created: context.now.toISOString(),
      source: result.source,
      ...(result.image ? { image: result.image } : {}),
      ...(result.distro ? { distro: result.distro } : {}),
      ...body(report),
    };
    return `${JSON.stringify(document, null, 2)}\n`;
  },
} satisfies ReportFormat;

function body(report: VulnReport) {
  return {
    packages: report.result.packages.length,
    checked: report.checked,
    findings: report.findings.map(slimFinding),
    suppressed: report.suppressed.map((s) => ({ ...s, finding: slimFinding(s.finding) })),
    skipped: report.skipped.map((s): SkippedPackage => ({ ...s, package: slimPackage(s.package) })),
    ...(report.outdated ? { outdated: report.outdated } : {}),
    warnings: report.warnings,
    ...(report.database ? { database: report.database } : {}),
  };
}

function slimFinding(finding: Finding): Finding {
  return { ...finding, package: slimPackage(finding.package) };
}

/** The package as a finding needs it; its file list and description are in the SBOM. */
function slimPackage(pkg: Package): Package {
  const { files: _files, description: _description, metadata: _metadata, ...slim } = pkg;
  return slim;
}
