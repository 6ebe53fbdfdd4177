import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkVectors, loadSchemeVectors } from "../vector-table.js";
import { pep440 } from "./pep440.js";

const vectors = loadSchemeVectors(fileURLToPath(new URL("./testdata/", import.meta.url)));

describe("pep440 vectors", () => {
  for (const [name, set] of vectors.files) {
    it(`passes every vector in ${name}`, () => {
      expect(set.pairs.length + set.valid.length + set.invalid.length).toBeGreaterThan(0);
      expect(checkVectors(pep440, set, vectors)).toEqual([]);
    });
  }
});
