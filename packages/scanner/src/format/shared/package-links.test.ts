import { describe, expect, it } from "vitest";
import { readSbom } from "../../sbom-input/read-sbom.js";
import type { Package, ScanResult } from "../../types.js";
import { cyclonedxJsonFormat } from "../cyclonedx/cyclonedx-json-format.js";
import { spdxJsonFormat } from "../spdx/spdx-json-format.js";
import { cyclonedxValidator, schemaErrors, spdxValidator } from "../testdata/schemas.js";

const context = { toolName: "lading", toolVersion: "0.0.0", now: new Date("2026-01-02T03:04:05Z") };
const debPurl = "pkg:deb/debian/python3-six@1.16.0-4?arch=all&distro=debian-12";

function pkg(name: string, version: string, type: string, extra: Partial<Package>): Package {
  return {
    name,
    version,
    type,
    purl: extra.purl ?? `pkg:${type}/${name}@${version}`,
    foundBy: type,
    foundHow: "installed",
    locations: [{ path: `/${name}` }],
    ...extra,
  };
}

// Debian's python3-six installed six's dist-info; node_modules' debug 4.3.4 needs ms 2.1.2.
const result: ScanResult = {
  source: { kind: "dir", target: "/rootfs" },
  packages: [
    pkg("python3-six", "1.16.0-4", "deb", { purl: debPurl }),
    pkg("six", "1.16.0", "pypi", { metadata: { ownedBy: debPurl } }),
    pkg("debug", "4.3.4", "npm", { metadata: { dependsOn: ["pkg:npm/ms@2.1.2"] } }),
    pkg("ms", "2.1.2", "npm", {}),
  ],
  unknowns: [],
  timings: {},
};

describe("links between packages in the SBOMs", () => {
  it("writes dependencies and the owning OS package to CycloneDX, and reads them back", () => {
    const text = cyclonedxJsonFormat.write(result, context, "1.6");
    const bom = JSON.parse(text);
    expect(schemaErrors(cyclonedxValidator("1.6"), bom)).toEqual([]);
    const debug = bom.dependencies.find((d: { ref: string }) => d.ref === "pkg:npm/debug@4.3.4");
    expect(debug.dependsOn).toEqual(["pkg:npm/ms@2.1.2"]);
    const read = readSbom(text).packages;
    expect(read.find((p) => p.name === "six")?.metadata?.ownedBy).toBe(debPurl);
    expect(read.find((p) => p.name === "debug")?.metadata?.dependsOn).toEqual(["pkg:npm/ms@2.1.2"]);
  });

  it("writes DEPENDS_ON and the OS package's CONTAINS to SPDX", () => {
    const doc = JSON.parse(spdxJsonFormat.write(result, context));
    expect(schemaErrors(spdxValidator(), doc)).toEqual([]);
    const name = new Map(
      doc.packages.map((p: { SPDXID: string; name: string }) => [p.SPDXID, p.name]),
    );
    const between = doc.relationships
      .filter((r: { relationshipType: string }) => r.relationshipType !== "DESCRIBES")
      .map((r: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }) =>
        [name.get(r.spdxElementId), r.relationshipType, name.get(r.relatedSpdxElement)].join(" "),
      )
      .filter((line: string) => !line.startsWith("/rootfs"));
    expect(between.sort()).toEqual(["debug DEPENDS_ON ms", "python3-six CONTAINS six"]);
  });
});
