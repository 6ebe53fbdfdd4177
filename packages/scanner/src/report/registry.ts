import { LadingError } from "../errors.js";
import { cyclonedxVulnFormat } from "./cyclonedx/cyclonedx-vuln-format.js";
import { jsonReportFormat } from "./json/json-report-format.js";
import { sarifFormat } from "./sarif/sarif-format.js";
import { tableReportFormat } from "./table/table-report-format.js";
import type { ReportFormat } from "./types.js";

/** Every vulnerability report format, one per folder under `report/`. */
export const reportFormats: readonly ReportFormat[] = [
  tableReportFormat,
  jsonReportFormat,
  sarifFormat,
  cyclonedxVulnFormat,
];

/** Finds a report format by `id` or `id@version`; an unknown name is an error listing the known. */
export function findReportFormat(name: string): { format: ReportFormat; version?: string } {
  const [id, version] = name.split("@");
  const format = reportFormats.find((f) => f.id === id);
  if (!format) {
    const known = reportFormats.map((f) => f.id).join(", ");
    throw new LadingError(`unknown report format "${name}"; known: ${known}`);
  }
  if (version !== undefined && !format.versions.includes(version)) {
    const supported = format.versions.join(", ") || "none";
    throw new LadingError(`${id} cannot be written as version ${version}; supported: ${supported}`);
  }
  return { format, version };
}
