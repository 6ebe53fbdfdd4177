import * as Models from "@cyclonedx/cyclonedx-library/Models";
import type { EolVerdict, OutdatedReport } from "../../outdated/types.js";
import type { Package } from "../../types.js";

type Pair = [string, string | undefined];

/**
 * The outdated report in a BOM: each verdict as `lading:eol:*` properties on the component it
 * judges (the distro, and the packages that are evidence of a runtime), and the summary as
 * `lading:outdated:*` properties in the metadata.
 */
export function addOutdated(
  bom: Models.Bom,
  report: OutdatedReport,
  refs: ReadonlyMap<Package, string>,
): void {
  const components = new Map([...bom.components].map((c) => [c.bomRef.value, c]));
  if (report.distro) {
    const distro = [...bom.components].find((c) => c.type === "operating-system");
    addTo(distro, verdictPairs(report.distro));
  }
  const refByPurl = new Map([...refs].map(([pkg, ref]) => [pkg.purl, ref]));
  for (const runtime of report.runtimes)
    for (const { purl } of runtime.evidence)
      addTo(components.get(refByPurl.get(purl) ?? ""), [
        ["lading:eol:product", runtime.product],
        ["lading:eol:cycle", runtime.cycle],
        ...verdictPairs(runtime),
      ]);
  addTo(bom.metadata, summaryPairs(report));
}

function verdictPairs(verdict: EolVerdict): Pair[] {
  return [
    ["lading:eol:state", verdict.state],
    ["lading:eol:decidedBy", verdict.decidedBy?.field],
    ["lading:eol:date", verdict.decidedBy?.date],
    ["lading:eol:securityEnd", dateText(verdict.securityEnd)],
    ["lading:eol:reason", verdict.reason],
  ];
}

function summaryPairs(report: OutdatedReport): Pair[] {
  return [
    ["lading:outdated:assessedOn", report.assessedOn],
    ["lading:outdated:pastSecuritySupport", String(report.pastSecuritySupport)],
    ["lading:outdated:distroState", report.distro?.state],
    ["lading:outdated:imageAgeDays", report.age.image ? String(report.age.image.days) : undefined],
    ["lading:outdated:imageStale", report.age.image ? String(report.age.image.stale) : undefined],
    [
      "lading:outdated:behindPackages",
      report.behind ? String(report.behind.behind.length) : undefined,
    ],
  ];
}

function dateText(date: string | boolean | undefined): string | undefined {
  return date === undefined ? undefined : String(date);
}

function addTo(target: { properties: Models.PropertyRepository } | undefined, pairs: Pair[]) {
  if (!target) return;
  for (const [name, value] of pairs)
    if (value !== undefined && value !== "")
      target.properties.add(new Models.Property(name, value));
}
