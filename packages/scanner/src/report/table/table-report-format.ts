import { describeSubject, shortDigest } from "../../format/shared/subject.js";
import { alignColumns, terminalLines } from "../../format/shared/terminal-text.js";
import type { Finding } from "../../match/types.js";
import { SEVERITY_ORDER } from "../../policy/severity.js";
import { aliasesOf, fixedIn } from "../shared/finding-text.js";
import { outdatedLines } from "../shared/outdated-lines.js";
import type { ReportFormat, VulnReport } from "../types.js";

const HEADER = ["PACKAGE", "INSTALLED", "FIXED-IN", "ID", "SEVERITY", "LAYER"];

/**
 * A table for people: one finding per line, most severe first, with the fix and the layer
 * that brought the package; then a summary, what the policy took out and why, and the
 * "Outdated" section.
 */
export const tableReportFormat = {
  id: "table",
  versions: [],
  write(report) {
    const rows = report.findings.map(toRow);
    const sections = [
      rows.length > 0 ? alignColumns([HEADER, ...rows]) : [],
      [summarize(report)],
      suppressedSection(report),
      outdatedSection(report),
    ].filter((s) => s.length > 0);
    return `${sections.map((s) => terminalLines(s)).join("\n\n")}\n`;
  },
} satisfies ReportFormat;

function toRow(finding: Finding): string[] {
  const aliases = aliasesOf(finding);
  const id = aliases.length > 0 ? `${finding.id} (${aliases.join(", ")})` : finding.id;
  const pkg = finding.package;
  return [pkg.name, pkg.version, fixedIn(finding), id, finding.severity, layerOf(finding)];
}

function layerOf(finding: Finding): string {
  return shortDigest(finding.package.layer ?? finding.package.locations[0]?.layer) ?? "-";
}

function summarize(report: VulnReport): string {
  const subject = describeSubject(report.result).name;
  const n = report.findings.length;
  const found = n === 0 ? "No vulnerabilities found" : `${n} vulnerabilit${n === 1 ? "y" : "ies"}`;
  const skipped = report.skipped.length > 0 ? `, ${report.skipped.length} not checked` : "";
  return `${found}${countBySeverity(report.findings)} in ${subject}: ${report.checked} packages checked${skipped}`;
}

function countBySeverity(findings: readonly Finding[]): string {
  const parts = [...SEVERITY_ORDER]
    .reverse()
    .map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, count]) => count > 0)
    .map(([s, count]) => `${s} ${count}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function suppressedSection(report: VulnReport): string[] {
  if (report.suppressed.length === 0) return [];
  const lines = report.suppressed.map(({ finding, suppression }) => {
    const pkg = `${finding.package.name} ${finding.package.version}`;
    return `  ${finding.id}  ${pkg}  ${suppression.reason}`;
  });
  return [`Suppressed (${report.suppressed.length})`, ...lines];
}

/** The "Outdated" heading and its lines, or nothing when there is nothing to say. */
function outdatedSection(report: VulnReport): string[] {
  const lines = report.outdated ? outdatedLines(report.outdated) : [];
  return lines.length > 0 ? ["Outdated", ...lines.map((l) => `  ${l}`)] : [];
}
