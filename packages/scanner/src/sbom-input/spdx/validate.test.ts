import { describe, expect, it } from "vitest";
import { readSbom } from "../read-sbom.js";
import { readFixture } from "../testdata/read-fixture.js";

// biome-ignore lint/suspicious/noExplicitAny: tests break parsed JSON of a known shape.
type Json = Record<string, any>;

function broken(change: (document: Json) => void): string {
  const document = JSON.parse(readFixture("tools/syft-go-mod-2.2.spdx.json").toString());
  change(document);
  return JSON.stringify(document);
}

describe("SPDX 2.2 structural checks (no official schema here)", () => {
  it.each([
    [(d: Json) => delete d.documentNamespace, '/: missing required property "documentNamespace"'],
    [(d: Json) => delete d.creationInfo, "/creationInfo: must be object, found undefined"],
    [(d: Json) => (d.packages[0].name = 3), "/packages/0/name: must be string, found number"],
    [(d: Json) => (d.packages = {}), "/packages: must be array, found object"],
    [
      (d: Json) => delete d.packages[0].externalRefs[2].referenceLocator,
      '/packages/0/externalRefs/2: missing required property "referenceLocator"',
    ],
    [
      (d: Json) => delete d.relationships[1].relationshipType,
      '/relationships/1: missing required property "relationshipType"',
    ],
  ])("refuses a broken document with path and reason: %#", (change, message) => {
    expect(() => readSbom(broken(change))).toThrow(message);
  });

  it("accepts the nulls syft writes for empty lists", () => {
    expect(readSbom(broken(() => {})).packages).toHaveLength(1);
  });
});

describe("SPDX 2.3 against the official schema", () => {
  it("refuses a relationship type the spec does not define", () => {
    const document = JSON.parse(
      readFixture("official/spdx/SPDXJSONExample-v2.3.spdx.json").toString(),
    );
    document.relationships[0].relationshipType = "OWNS";
    expect(() => readSbom(JSON.stringify(document))).toThrow(
      /^SPDX 2\.3: \/relationships\/0\/relationshipType: "OWNS" is not one of /,
    );
  });
});
