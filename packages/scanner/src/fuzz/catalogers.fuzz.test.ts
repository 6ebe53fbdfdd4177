/**
 * Hostile package databases, lockfiles, manifests, zip archives and executables: every format a
 * cataloger reads, damaged from real corpus files. A cataloger never throws on bad input: each
 * case ends in packages and unknowns, within its time and memory bounds.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { buildTree, testContext } from "../catalog/test-helpers.js";
import type { CatalogResult } from "../catalog/types.js";
import { expectClearError, runBounded, settledHeap } from "./bounded.fixture.js";
import { type CatalogerCase, catalogerCases } from "./cataloger-cases.fixture.js";
import { jsonMutatedFrom, mutatedFrom } from "./mutate.fixture.js";
import { fuzzParameters, fuzzTimeout } from "./settings.fixture.js";

const RUNS = 100;
const bounds = { timeMs: 3_000, heapBytes: 64 << 20, heapPerInputByte: 32 };

async function catalog(c: CatalogerCase, bytes: Buffer): Promise<CatalogResult> {
  const tree = buildTree([{ files: { [c.path]: bytes } }], c.cataloger);
  return c.cataloger.catalog({ ...testContext(tree), mode: c.mode });
}

/** The seeds that are JSON documents, for value-wise damage past the parser. */
function jsonSeeds(seeds: Buffer[]): unknown[] {
  return seeds.flatMap((s) => {
    try {
      return [JSON.parse(s.toString("utf8")) as unknown];
    } catch {
      return [];
    }
  });
}

async function checkCase(c: CatalogerCase, bytes: Buffer): Promise<void> {
  const outcome = await runBounded(() => catalog(c, bytes), bytes.length, bounds);
  // Bad input becomes an unknown: no error at all is clear enough here.
  expectClearError(outcome, []);
  if ("value" in outcome) expectWellFormed(outcome.value);
}

function expectWellFormed(result: CatalogResult): void {
  for (const pkg of result.packages) {
    expect(typeof pkg.name).toBe("string");
    expect(pkg.purl ?? "pkg:").toMatch(/^pkg:/);
  }
  for (const unknown of result.unknowns) expect(unknown.reason).toMatch(/\S/);
}

describe("hostile cataloger input", () => {
  const heapAtStart = settledHeap();
  afterAll(() => {
    expect(settledHeap() - heapAtStart).toBeLessThan(64 << 20);
  });

  for (const c of catalogerCases) {
    const runs = c.runs ?? RUNS;
    it(
      `${c.cataloger.name}: ${c.path} (${c.seeds.length} seeds)`,
      async () => {
        expect(c.seeds.length).toBeGreaterThan(0);
        expect(c.cataloger.wants(c.path)).toBe(true);
        await fc.assert(
          fc.asyncProperty(mutatedFrom(c.seeds), (bytes) => checkCase(c, bytes)),
          fuzzParameters(runs),
        );
      },
      fuzzTimeout(runs, bounds.timeMs),
    );

    const documents = jsonSeeds(c.seeds);
    if (documents.length === 0) continue;
    it(
      `${c.cataloger.name}: ${c.path}, well-formed JSON of the wrong shape`,
      async () => {
        const texts = jsonMutatedFrom(documents).map((t) => Buffer.from(t));
        await fc.assert(
          fc.asyncProperty(texts, (bytes) => checkCase(c, bytes)),
          fuzzParameters(RUNS),
        );
      },
      fuzzTimeout(RUNS, bounds.timeMs),
    );
  }
});
