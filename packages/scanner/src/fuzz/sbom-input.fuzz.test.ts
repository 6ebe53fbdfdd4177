/**
 * Hostile SBOMs: CycloneDX, SPDX and Lading JSON documents from real tools and the official
 * examples, damaged byte-wise and reshaped value-wise. Each ends in a scan result or an
 * SbomFormatError, within its bounds.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { SbomFormatError } from "../errors.js";
import { readSbom } from "../sbom-input/read-sbom.js";
import { expectClearError, runBounded, settledHeap } from "./bounded.fixture.js";
import { jsonMutatedFrom, mutatedFrom } from "./mutate.fixture.js";
import { seedsUnder } from "./seeds.fixture.js";
import { fuzzParameters, fuzzTimeout } from "./settings.fixture.js";

const RUNS = 150;
const bounds = { timeMs: 3_000, heapBytes: 64 << 20, heapPerInputByte: 64 };
const seeds = seedsUnder("sbom-input/testdata", /\.json$/, 64 << 10);
const documents = seeds.map((s) => JSON.parse(s.toString("utf8")) as unknown);

async function check(text: string | Buffer): Promise<void> {
  const outcome = await runBounded(() => readSbom(text), text.length, bounds);
  expectClearError(outcome, [SbomFormatError]);
  if ("value" in outcome) {
    for (const pkg of outcome.value.packages) expect(typeof pkg.name).toBe("string");
  }
}

describe("hostile SBOM input", () => {
  const heapAtStart = settledHeap();
  afterAll(() => {
    expect(settledHeap() - heapAtStart).toBeLessThan(64 << 20);
  });

  it(
    `a damaged document is read or refused with SbomFormatError (${seeds.length} seeds)`,
    async () => {
      expect(seeds.length).toBeGreaterThan(3);
      await fc.assert(fc.asyncProperty(mutatedFrom(seeds), check), fuzzParameters(RUNS));
    },
    fuzzTimeout(RUNS, bounds.timeMs),
  );

  it(
    "a well-formed document of the wrong shape is read or refused with SbomFormatError",
    async () => {
      await fc.assert(fc.asyncProperty(jsonMutatedFrom(documents), check), fuzzParameters(RUNS));
    },
    fuzzTimeout(RUNS, bounds.timeMs),
  );
});
