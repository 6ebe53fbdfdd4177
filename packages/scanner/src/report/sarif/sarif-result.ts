import { createHash } from "node:crypto";
import type { Finding } from "../../match/types.js";
import { fixedIn, relativePath } from "../shared/finding-text.js";
import type { VulnReport } from "../types.js";
import { levelOf } from "./sarif-rule.js";

/**
 * A SARIF result for one finding. The location is the file that records the package (the apk
 * database, a lockfile, a jar), relative to the image or directory root; GitHub needs a
 * physical location for every result.
 */
export function toResult(finding: Finding, ruleIndex: number, report: VulnReport) {
  const pkg = finding.package;
  const path = relativePath(finding);
  return {
    ruleId: finding.id,
    ruleIndex,
    level: levelOf(finding),
    message: { text: messageOf(finding, report) },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: path }, region: { startLine: 1 } },
        logicalLocations: [{ name: pkg.name, fullyQualifiedName: pkg.purl, kind: "package" }],
      },
    ],
    // Stable across scans of the same package, so GitHub keeps one alert per package and id.
    partialFingerprints: { "ladingFinding/v1": fingerprint(finding.id, pkg.purl, path) },
    properties: {
      purl: pkg.purl,
      installedVersion: pkg.version,
      fixState: finding.fix.state,
      fixedVersions: finding.fix.versions,
      ...(pkg.layer ? { layer: pkg.layer } : {}),
    },
  };
}

function messageOf(finding: Finding, report: VulnReport): string {
  const pkg = finding.package;
  const fix =
    finding.fix.state === "fixed" ? `fixed in ${fixedIn(finding)}` : fixedIn(finding).slice(1, -1);
  return `${pkg.name} ${pkg.version} in ${report.result.source.target} is affected by ${finding.id} (${finding.severity}); ${fix}.`;
}

function fingerprint(...parts: string[]): string {
  return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 32);
}
