import { describe, expect, it } from "vitest";
import { SbomFormatError } from "../errors.js";
import { readSbom } from "./read-sbom.js";
import { readFixture } from "./testdata/read-fixture.js";

const withoutTimings = ({ timings: _, ...rest }: ReturnType<typeof readSbom>) => rest;

describe("readSbom with trusted: true", () => {
  it.each(["official/cyclonedx/1.6/valid-bom-1.6.json", "tools/syft-go-mod-1.4.cdx.json"])(
    "gives the same result as a validated read of %s",
    (path) => {
      const text = readFixture(path);
      expect(withoutTimings(readSbom(text, { trusted: true }))).toEqual(
        withoutTimings(readSbom(text)),
      );
    },
  );

  it("skips only the schema check: an invalid timestamp is refused unless trusted", () => {
    const text = readFixture("official/cyclonedx/1.6/invalid-metadata-timestamp-1.6.json");
    expect(() => readSbom(text)).toThrow(SbomFormatError);
    expect(readSbom(text, { trusted: true }).source.kind).toBeDefined();
  });

  it("still refuses what is not an SBOM at all", () => {
    expect(() => readSbom('{"hello":1}', { trusted: true })).toThrow("not a recognised SBOM");
  });
});
