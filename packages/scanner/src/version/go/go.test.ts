import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkVectors, loadSchemeVectors } from "../vector-table.js";
import { go } from "./go.js";

const vectors = loadSchemeVectors(fileURLToPath(new URL("./testdata/", import.meta.url)));

describe("go vectors", () => {
  for (const [name, set] of vectors.files) {
    it(`passes every vector in ${name}`, () => {
      expect(set.pairs.length + set.valid.length + set.invalid.length).toBeGreaterThan(0);
      expect(checkVectors(go, set, vectors)).toEqual([]);
    });
  }
});

describe("go pseudo-versions", () => {
  it("exposes the commit time and revision of a pseudo-version", () => {
    expect(go.parse("v1.2.4-0.20191109021931-daa7c04131f5")?.pseudo).toEqual({
      time: "20191109021931",
      revision: "daa7c04131f5",
    });
  });

  it("leaves ordinary pre-releases alone", () => {
    expect(go.parse("v1.2.3-rc.1")?.pseudo).toBeUndefined();
  });
});
