import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SbomFormatError } from "../errors.js";
import { readSbom } from "./read-sbom.js";
import { parsePurl } from "./shared/purl.js";
import { readFixture } from "./testdata/read-fixture.js";

// The CycloneDX specification's own test vectors (valid-* must read, invalid-* must be refused)
// and the official SPDX 2.3 example, copied from the corpus into testdata/official.

function vectors(version: string, prefix: string): string[] {
  const dir = new URL(`./testdata/official/cyclonedx/${version}/`, import.meta.url);
  return readdirSync(dir).filter((name) => name.startsWith(prefix));
}

function read(path: string) {
  return readSbom(readFixture(`official/${path}`));
}

function messageOf(path: string): string {
  try {
    read(path);
  } catch (error) {
    expect(error).toBeInstanceOf(SbomFormatError);
    return (error as Error).message;
  }
  throw new Error(`${path} was read`);
}

describe.each(["1.5", "1.6"])("CycloneDX %s test vectors", (version) => {
  it.each(vectors(version, "valid-"))("reads %s", (name) => {
    const result = read(`cyclonedx/${version}/${name}`);
    for (const pkg of result.packages) {
      expect(parsePurl(pkg.purl)?.type).toBe(pkg.type);
      expect(pkg.name).not.toBe("");
    }
  });

  it.each(vectors(version, "invalid-"))("refuses %s with a one-line path: reason", (name) => {
    const message = messageOf(`cyclonedx/${version}/${name}`);
    expect(message).toMatch(new RegExp(`^CycloneDX ${version}: /\\S*: .+$`));
    expect(message).not.toContain("\n");
    expect(message.length).toBeLessThan(300);
  });
});

describe("messages for invalid CycloneDX", () => {
  it.each([
    [
      "invalid-component-type-1.6.json",
      'CycloneDX 1.6: /components/0/type: "foo" is not one of application, framework, library, container, platform, operating-system, device, device-driver, ... (13 in all)',
    ],
    [
      "invalid-bomformat-1.6.json",
      'CycloneDX 1.6: /bomFormat: "AnotherFormat" is not one of CycloneDX',
    ],
    [
      "invalid-empty-component-1.6.json",
      'CycloneDX 1.6: /components/0: missing required property "name"',
    ],
    ["invalid-serialnumber-1.6.json", "CycloneDX 1.6: /serialNumber: must match pattern"],
    [
      "invalid-metadata-timestamp-1.6.json",
      'CycloneDX 1.6: /metadata/timestamp: must match format "date-time"',
    ],
  ])("%s", (name, start) => {
    expect(messageOf(`cyclonedx/1.6/${name}`).startsWith(start)).toBe(true);
  });
});

describe("CycloneDX content of the valid vectors", () => {
  it("flattens nested components (an assembly) into packages", () => {
    const { packages } = read("cyclonedx/1.6/valid-assembly-1.6.json");
    expect(packages.map((p) => [p.name, p.version, p.purl])).toEqual([
      ["acme-library-a", "1.0.0", "pkg:generic/acme-library-a@1.0.0"],
      ["acme-library-b", "2.0.0", "pkg:generic/acme-library-b@2.0.0"],
    ]);
  });

  it("says which packages had no purl and no ecosystem", () => {
    const { unknowns } = read("cyclonedx/1.6/valid-assembly-1.6.json");
    expect(unknowns).toEqual([
      {
        path: "/components/0",
        cataloger: "cyclonedx-json",
        reason: "acme-library-a@1.0.0: no purl and no ecosystem hint; kept as pkg:generic",
      },
      {
        path: "/components/0/components/0",
        cataloger: "cyclonedx-json",
        reason: "acme-library-b@2.0.0: no purl and no ecosystem hint; kept as pkg:generic",
      },
    ]);
  });
});

describe("SPDX 2.3 official example", () => {
  const result = () => read("spdx/SPDXJSONExample-v2.3.spdx.json");

  it("keeps a described package that is not a container as a package", () => {
    const glibc = result().packages.find((p) => p.name === "glibc");
    expect(glibc).toMatchObject({
      version: "2.11.1",
      maintainer: "Jane Doe <jane.doe@example.com>",
      licenses: ["(LGPL-2.0-only AND LicenseRef-3)"],
      type: "generic",
    });
    expect(result().image).toBeUndefined();
  });

  it("takes the purl from the PACKAGE-MANAGER reference", () => {
    const jena = result().packages.find((p) => p.name === "Jena");
    expect(jena).toMatchObject({
      purl: "pkg:maven/org.apache.jena/apache-jena@3.12.0",
      type: "maven",
    });
  });

  it("reads every package, with an unknown for each that has no purl", () => {
    const { packages, unknowns } = result();
    expect(packages.map((p) => p.name)).toEqual(["glibc", "Apache Commons Lang", "Jena", "Saxon"]);
    expect(unknowns.map((u) => u.path)).toEqual(["/packages/0", "/packages/1", "/packages/3"]);
  });

  it("refuses the example once a required field is removed, naming it", () => {
    const document = JSON.parse(
      readFixture("official/spdx/SPDXJSONExample-v2.3.spdx.json").toString(),
    );
    delete document.packages[2].SPDXID;
    expect(() => readSbom(JSON.stringify(document))).toThrow(
      'SPDX 2.3: /packages/2: missing required property "SPDXID"',
    );
  });
});
