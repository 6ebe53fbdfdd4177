import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkVectors, loadSchemeVectors } from "../vector-table.js";
import { composer } from "./composer.js";

const vectors = loadSchemeVectors(fileURLToPath(new URL("./testdata/", import.meta.url)));

describe("composer vectors", () => {
  for (const [name, set] of vectors.files) {
    it(`passes every vector in ${name}`, () => {
      expect(set.pairs.length + set.valid.length + set.invalid.length).toBeGreaterThan(0);
      expect(checkVectors(composer, set, vectors)).toEqual([]);
    });
  }
});
