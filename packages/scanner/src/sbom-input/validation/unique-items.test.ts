import { describe, expect, it } from "vitest";
import { SbomFormatError } from "../../errors.js";
import { validateCyclonedx } from "../cyclonedx/validate.js";
import { readFixture } from "../testdata/read-fixture.js";
import { loadSchema } from "./schema-validator.js";
import { canonicalJson, LINEAR_UNIQUE_ITEMS, useLinearUniqueItems } from "./unique-items.js";

type Json = Record<string, unknown>;

function validBom(): Json {
  return JSON.parse(readFixture("official/cyclonedx/1.6/valid-bom-1.6.json").toString("utf8"));
}

describe("linear uniqueItems", () => {
  it("rejects a duplicated component at the array's path, as the schema's uniqueItems did", () => {
    const bom = validBom();
    const components = bom.components as Json[];
    components.push(structuredClone(components[0] as Json));
    const last = components.length - 1;
    expect(() => validateCyclonedx(bom)).toThrow(SbomFormatError);
    expect(() => validateCyclonedx(bom)).toThrow(
      `/components: must NOT have duplicate items (items ## 0 and ${last} are identical)`,
    );
  });

  it("treats objects that differ only in key order as duplicates", () => {
    const bom = validBom();
    const components = bom.components as Json[];
    const first = components[0] as Json;
    const reversed = Object.fromEntries(Object.entries(first).reverse());
    components.push(reversed);
    expect(() => validateCyclonedx(bom)).toThrow("must NOT have duplicate items");
  });

  it("accepts distinct components, and duplicated dependsOn refs are still refused", () => {
    const bom = validBom();
    expect(() => validateCyclonedx(bom)).not.toThrow();
    bom.dependencies = [{ ref: "a", dependsOn: ["b", "b"] }];
    expect(() => validateCyclonedx(bom)).toThrow(
      "/dependencies/0/dependsOn: must NOT have duplicate items (items ## 0 and 1 are identical)",
    );
  });

  it("rewrites only arrays whose items are not a declared scalar type", () => {
    const schema = loadSchema("bom-1.6.schema.json");
    useLinearUniqueItems(schema);
    const properties = schema.properties as Record<string, Json>;
    expect(properties.components?.[LINEAR_UNIQUE_ITEMS]).toBe(true);
    expect(properties.components?.uniqueItems).toBeUndefined();
    const compositions = (schema.definitions as Record<string, Json>).compositions as Json;
    const dependencies = (compositions.properties as Record<string, Json>).dependencies as Json;
    expect(dependencies.uniqueItems).toBe(true);
    expect(loadSchema("bom-1.6.schema.json").properties).toHaveProperty("components.uniqueItems");
  });

  it("writes equal values as equal canonical text", () => {
    expect(canonicalJson({ b: [1, { d: null, c: "x" }], a: true })).toBe(
      canonicalJson({ a: true, b: [1, { c: "x", d: null }] }),
    );
    expect(canonicalJson({ a: "1" })).not.toBe(canonicalJson({ a: 1 }));
  });
});
