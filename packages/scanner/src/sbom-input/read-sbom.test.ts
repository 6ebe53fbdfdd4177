import { describe, expect, it } from "vitest";
import { SbomFormatError, SbomTooLargeError } from "../errors.js";
import { MAX_SBOM_DEPTH, readSbom } from "./read-sbom.js";
import { sbomReaders } from "./registry.js";
import { readFixture } from "./testdata/read-fixture.js";

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected an error");
}

describe("readSbom", () => {
  it("refuses a document over the size limit before parsing it", () => {
    const text = `${" ".repeat(2000)}not even JSON`;
    const error = errorOf(() => readSbom(text, { maxBytes: 1000 }));
    expect(error).toBeInstanceOf(SbomTooLargeError);
    expect(error).toBeInstanceOf(SbomFormatError);
    expect(error.message).toBe("SBOM is 2013 bytes; the limit is 1000 bytes");
  });

  it("counts the limit in UTF-8 bytes, for strings and buffers alike", () => {
    const text = JSON.stringify({ schema: "é".repeat(600) });
    expect(() => readSbom(text, { maxBytes: 1000 })).toThrow(SbomTooLargeError);
    expect(() => readSbom(Buffer.from(text), { maxBytes: 1000 })).toThrow(SbomTooLargeError);
  });

  it("says what is wrong with text that is not JSON", () => {
    const error = errorOf(() => readSbom('<?xml version="1.0"?><bom/>'));
    expect(error).toBeInstanceOf(SbomFormatError);
    expect(error.message).toMatch(
      /^not JSON \(.+\); CycloneDX XML and SPDX tag-value are not read$/,
    );
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it.each([["[]"], ["null"], ['"text"']])("rejects %s: an SBOM is an object", (text) => {
    expect(() => readSbom(text)).toThrow("/: an SBOM must be a JSON object");
  });

  it("rejects JSON that no reader claims, naming the markers it looked for", () => {
    expect(() => readSbom('{"packages": []}')).toThrow(
      "/: not a recognised SBOM: expected CycloneDX JSON (bomFormat), SPDX JSON (spdxVersion) or Lading JSON (schema)",
    );
  });

  it.each([
    [
      '{"bomFormat":"CycloneDX","specVersion":"1.3"}',
      '/specVersion: CycloneDX "1.3" is not read; readable: 1.6, 1.5, 1.4',
    ],
    [
      '{"spdxVersion":"SPDX-2.1"}',
      '/spdxVersion: "SPDX-2.1" is not read; readable: SPDX-2.3, SPDX-2.2',
    ],
    [
      '{"schema":"lading/scan-result@2"}',
      '/schema: "lading/scan-result@2" is not read; readable: lading/scan-result@1',
    ],
  ])("names an unread version of a known format: %s", (text, message) => {
    expect(() => readSbom(text)).toThrow(message);
  });

  it("hands each document to the reader of its format and times the read", () => {
    const claim = (path: string) =>
      sbomReaders.find((r) => r.detect(JSON.parse(readFixture(path).toString())))?.id;
    expect(claim("tools/trivy-image-1.5.cdx.json")).toBe("cyclonedx-json");
    expect(claim("tools/syft-go-mod-2.2.spdx.json")).toBe("spdx-json");
    const result = readSbom(readFixture("tools/syft-go-mod-1.4.cdx.json"));
    expect(result.timings.sbomRead).toBeGreaterThanOrEqual(0);
  });

  it("refuses a document nested deeper than its limit, in any format, without recursing", () => {
    const bom = JSON.parse(readFixture("tools/syft-go-mod-1.4.cdx.json").toString());
    // Components inside components: valid CycloneDX at any depth. Written as text, since
    // JSON.stringify itself recurses.
    const nested = (levels: number) => {
      const open = '{"type":"library","name":"n","version":"1","components":[';
      const leaf = '{"type":"library","name":"leaf","version":"1"}';
      const deep = `${open.repeat(levels)}${leaf}${"]}".repeat(levels)}`;
      return JSON.stringify(bom).replace('"components":[', `"components":[${deep},`);
    };
    expect(() => readSbom(nested(100))).not.toThrow();
    for (const levels of [200, 10_000]) {
      const error = errorOf(() => readSbom(nested(levels)));
      expect([error.constructor, error.message]).toEqual([
        SbomFormatError,
        `/: nests objects and arrays deeper than ${MAX_SBOM_DEPTH} levels`,
      ]);
    }
    const spdx = `{"spdxVersion":"SPDX-2.3","x":${"[".repeat(300)}${"]".repeat(300)}}`;
    expect(() => readSbom(spdx)).toThrow(/deeper than/);
  });

  it("gives every reader the id of the format of the same name", () => {
    expect(sbomReaders.map((r) => r.id)).toEqual(["json", "cyclonedx-json", "spdx-json"]);
  });
});
