import * as Serialize from "@cyclonedx/cyclonedx-library/Serialize";
import { buildBom } from "../../format/cyclonedx/build-bom.js";
import {
  type SpecVersion,
  specVersions,
  supportedVersions,
} from "../../format/cyclonedx/spec-versions.js";
import { assignPackageRefs } from "../../format/shared/package-refs.js";
import type { Package } from "../../types.js";
import type { ReportFormat } from "../types.js";
import { addOutdated } from "./outdated-properties.js";
import { toVulnerability } from "./vulnerability.js";

/**
 * CycloneDX JSON with `vulnerabilities` (https://cyclonedx.org/docs/1.6/json/#vulnerabilities):
 * the SBOM `lading sbom` writes, plus one vulnerability per finding that affects its package's
 * component by bom-ref, with every rating; findings a VEX statement or ignore rule took out
 * stay, with an `analysis` saying why. The outdated report is carried as properties on the
 * distro and runtime components and in the metadata.
 */
export const cyclonedxVulnFormat = {
  id: "cyclonedx-json",
  versions: supportedVersions,
  write(report, context, version) {
    const spec = specVersions[(version ?? supportedVersions[0]) as SpecVersion];
    const bom = buildBom(report.result, context);
    const refs = refsByPackage(report.result.packages);
    for (const finding of report.findings) bom.vulnerabilities.add(toVulnerability(finding, refs));
    for (const { finding, suppression } of report.suppressed)
      if (suppression.by !== "only-fixed")
        bom.vulnerabilities.add(toVulnerability(finding, refs, suppression));
    if (report.outdated) addOutdated(bom, report.outdated, refs);
    const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(spec));
    return `${serializer.serialize(bom, { sortLists: true, space: 2 })}\n`;
  },
} satisfies ReportFormat;

/** The bom-ref of each package, as the SBOM writer assigned it (same inputs, same refs). */
function refsByPackage(packages: readonly Package[]): Map<Package, string> {
  const refs = assignPackageRefs(packages);
  return new Map(packages.map((pkg, i) => [pkg, refs[i] as string]));
}
