import { describe, expect, it } from "vitest";
import { SbomFormatError } from "../../errors.js";
import { jsonFormat } from "../../format/json/json-format.js";
import { imageScan } from "../../format/testdata/scan-results.js";
import { readSbom } from "../read-sbom.js";

// biome-ignore lint/suspicious/noExplicitAny: tests break parsed JSON of a known shape.
type Json = Record<string, any>;

const context = { toolName: "lading", toolVersion: "0.1.0", now: new Date(0) };

function broken(change: (document: Json) => void): string {
  const document = JSON.parse(jsonFormat.write(imageScan, context));
  change(document);
  return JSON.stringify(document);
}

describe("Lading JSON reader", () => {
  it.each([
    [(d: Json) => delete d.source, "/source: must be object, found undefined"],
    [(d: Json) => delete d.packages[3].purl, '/packages/3: missing required property "purl"'],
    [
      (d: Json) => (d.packages[1].foundHow = "guessed"),
      '/packages/1/foundHow: "guessed" is not one of installed, lockfile, manifest, binary, archive',
    ],
    [
      (d: Json) => (d.packages[0].locations = {}),
      "/packages/0/locations: must be array, found object",
    ],
    [(d: Json) => (d.unknowns[1].reason = 7), "/unknowns/1/reason: must be string, found number"],
    [(d: Json) => (d.image.labels = null), "/image/labels: must be object, found null"],
  ])("names the first problem of a broken document: %#", (change, message) => {
    expect(() => readSbom(broken(change))).toThrow(new SbomFormatError(message));
  });

  it("ignores fields it does not know, so newer writers stay readable", () => {
    const text = broken((d) => {
      d.futureField = { nested: true };
      d.packages[0].futureField = 1;
    });
    expect(readSbom(text).packages).toHaveLength(imageScan.packages.length);
  });
});
