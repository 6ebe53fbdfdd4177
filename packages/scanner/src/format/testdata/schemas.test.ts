import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cyclonedxValidator, schemaErrors, spdxValidator } from "./schemas.js";

// The format tests trust these validators; the official test vectors show they accept what
// the specification calls valid and reject what it calls invalid.

function vector(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`./schemas/vectors/${name}`, import.meta.url), "utf8"));
}

describe("schema validators", () => {
  it("accept the official valid examples", () => {
    expect(schemaErrors(cyclonedxValidator("1.6"), vector("valid-bom-1.6.json"))).toEqual([]);
    expect(schemaErrors(spdxValidator(), vector("SPDXJSONExample-v2.3.spdx.json"))).toEqual([]);
  });

  it.each([
    ["1.6", "invalid-license-choice-1.6.json"],
    ["1.6", "invalid-component-type-1.6.json"],
    ["1.5", "invalid-license-choice-1.5.json"],
  ])("reject the official CycloneDX %s vector %s", (version, name) => {
    expect(schemaErrors(cyclonedxValidator(version), vector(name))).not.toEqual([]);
  });
});
