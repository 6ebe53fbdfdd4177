import { describe, expect, it } from "vitest";
import { maskVolatile, readGolden } from "../testdata/golden.js";
import { emptyDirectoryScan, imageScan } from "../testdata/scan-results.js";
import { schemaErrors, spdxValidator } from "../testdata/schemas.js";
import type { FormatContext } from "../types.js";
import type { SpdxDocument, SpdxPackage } from "./document-types.js";
import { spdxJsonFormat } from "./spdx-json-format.js";

const context: FormatContext = {
  toolName: "lading",
  toolVersion: "0.1.0",
  now: new Date("2024-06-01T12:00:00.250Z"),
};

function write(result = imageScan): SpdxDocument {
  return JSON.parse(spdxJsonFormat.write(result, context));
}

function packageNamed(doc: SpdxDocument, name: string, index = 0): SpdxPackage {
  return doc.packages.filter((p) => p.name === name)[index];
}

describe("spdx-json", () => {
  it("writes documents valid against the official SPDX 2.3 schema", () => {
    expect(schemaErrors(spdxValidator(), write())).toEqual([]);
    expect(schemaErrors(spdxValidator(), write(emptyDirectoryScan))).toEqual([]);
  });

  it("matches the golden document, namespace masked", () => {
    const text = maskVolatile(spdxJsonFormat.write(imageScan, context), ["documentNamespace"]);
    expect(text).toBe(readGolden("spdx-2.3.json", text));
  });

  it("gives each document a unique namespace and the creation time to the second", () => {
    const [a, b] = [write(), write()];
    expect(a.documentNamespace).toMatch(
      /^https:\/\/spdx\.org\/spdxdocs\/lading-docker-archive-registry.example-lading-fixture-1.0-[0-9a-f-]{36}$/,
    );
    expect(a.documentNamespace).not.toBe(b.documentNamespace);
    expect(a.creationInfo).toEqual({
      created: "2024-06-01T12:00:00Z",
      creators: ["Tool: lading-0.1.0"],
    });
  });

  it("writes one package per component with unique, valid SPDX ids", () => {
    const doc = write();
    const ids = doc.packages.map((p) => p.SPDXID);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/);
    // image + distro + every package, the vendored lodash copy included
    expect(doc.packages).toHaveLength(imageScan.packages.length + 2);
  });

  it("carries purl, supplier, origin and declared licence on each package", () => {
    expect(packageNamed(write(), "libc6")).toMatchObject({
      versionInfo: "2.36-9+deb12u4",
      supplier: "Person: GNU Libc Maintainers (debian-glibc@lists.debian.org)",
      downloadLocation: "NOASSERTION",
      filesAnalyzed: false,
      licenseDeclared: "NOASSERTION",
      primaryPackagePurpose: "LIBRARY",
      externalRefs: [
        {
          referenceCategory: "PACKAGE-MANAGER",
          referenceType: "purl",
          referenceLocator:
            "pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64&upstream=glibc&distro=debian-12",
        },
      ],
    });
    const lib = packageNamed(write(), "libc6");
    expect(lib.sourceInfo).toContain(`brought by layer ${imageScan.packages[2].layer}`);
    expect(lib.sourceInfo).toContain("/var/lib/dpkg/info/libc6:amd64.list");
  });

  it("keeps valid SPDX expressions and defines every other licence as a LicenseRef", () => {
    const doc = write();
    expect(packageNamed(doc, "musl").licenseDeclared).toBe("MIT");
    expect(packageNamed(doc, "node-forge").licenseDeclared).toBe("(BSD-3-Clause OR GPL-2.0)");
    expect(packageNamed(doc, "openssl-libs").licenseDeclared).toBe("LicenseRef-ASL-2.0");
    expect(doc.hasExtractedLicensingInfos).toEqual([
      { licenseId: "LicenseRef-ASL-2.0", name: "ASL 2.0", extractedText: "ASL 2.0" },
    ]);
  });

  it("says the document describes the image, which contains the distro and the packages", () => {
    const doc = write();
    const root = doc.packages[0];
    expect(root).toMatchObject({
      name: "registry.example/lading/fixture:1.0",
      versionInfo: imageScan.image?.configDigest,
      primaryPackagePurpose: "CONTAINER",
      checksums: [{ algorithm: "SHA256", checksumValue: imageScan.image?.configDigest.slice(7) }],
    });
    expect(doc.relationships[0]).toEqual({
      spdxElementId: "SPDXRef-DOCUMENT",
      relationshipType: "DESCRIBES",
      relatedSpdxElement: root.SPDXID,
    });
    const contained = doc.relationships.slice(1).map((r) => r.relatedSpdxElement);
    expect(contained).toEqual(doc.packages.slice(1).map((p) => p.SPDXID));
    expect(packageNamed(doc, "debian").primaryPackagePurpose).toBe("OPERATING_SYSTEM");
  });

  it("records unknowns as annotations by the tool", () => {
    expect(write().annotations?.map((a) => a.comment)).toEqual([
      `unknown: /var/lib/dpkg/status.d/broken (layer ${imageScan.unknowns[0].layer}, cataloger dpkg): record 3: no "Package:" field`,
      `unknown: /app/node_modules/big/package.json (layer ${imageScan.unknowns[1].layer}): file larger than 4 MiB`,
    ]);
  });
});
