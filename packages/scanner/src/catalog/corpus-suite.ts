/**
 * The corpus test every language cataloger runs: each case folder becomes one test that lays
 * the fixtures where a scan would meet them, runs the cataloger and checks the upstream
 * expectation, or, for a case in the capability table, exactly what the table says. The test
 * functions are passed in so this module does not import the test runner.
 */
import { join } from "node:path";
import type { CorpusCapability } from "./capability.js";
import { type CorpusCase, expectsDev, findPackage, identities, loadCases } from "./corpus-cases.js";
import { catalogLayers, type TestLayer } from "./test-helpers.js";
import type { Cataloger, CatalogResult } from "./types.js";

/** The parts of vitest the suite uses. */
export interface TestApi {
  it(name: string, body: () => Promise<void>): void;
  // biome-ignore lint/suspicious/noExplicitAny: vitest's expect is generic over any value.
  expect(value: unknown): any;
}

/** What an ecosystem's corpus test supplies. */
export interface CorpusSuite {
  root: string;
  cataloger: Cataloger;
  capabilities: CorpusCapability[];
  /** The image path of one fixture file of a case. */
  imagePath(caseName: string, file: string): string | undefined;
  /** How names compare: upstream tools differ in whether they normalise (PEP 503, ...). */
  normalizeName?: (name: string) => string;
}

/** Defines one test per case folder under `suite.root`. */
export function defineCorpusTests(suite: CorpusSuite, api: TestApi): void {
  for (const c of loadCases(suite.root)) {
    const capability = suite.capabilities.find((cap) => cap.case === c.name);
    api.it(`${c.name}${capability ? ` (${capability.status})` : ""}`, async () => {
      const result = await catalogLayers(suite.cataloger, [mount(suite, c)]);
      api.expect(result.unknowns).toEqual([]);
      if (capability) checkCapability(api, result, capability);
      else checkExpected(api, normalized(result, suite.normalizeName), c, suite.normalizeName);
    });
  }
}

function mount(suite: CorpusSuite, c: CorpusCase): TestLayer {
  const files: Record<string, { from: string }> = {};
  for (const file of c.files) {
    const path = suite.imagePath(c.name, file);
    if (path !== undefined) files[path] = { from: join(c.dir, file) };
  }
  return { files };
}

function checkCapability(api: TestApi, result: CatalogResult, capability: CorpusCapability) {
  const { yields } = capability;
  if (typeof yields === "number") api.expect(result.packages.length).toBe(yields);
  else api.expect(identities(result.packages)).toEqual(yields);
}

function normalized(result: CatalogResult, normalize?: (name: string) => string): CatalogResult {
  if (normalize === undefined) return result;
  const packages = result.packages.map((p) => ({ ...p, name: normalize(p.name) }));
  return { ...result, packages };
}

function checkExpected(
  api: TestApi,
  result: CatalogResult,
  c: CorpusCase,
  normalize: (name: string) => string = (name) => name,
): void {
  if (c.summary) {
    api.expect(result.packages.length).toBe(c.summary.cdxgen_assertion_count);
    const first = c.summary.first_package;
    if (first?.purl) api.expect(result.packages.map((p) => p.purl)).toContain(first.purl);
    return;
  }
  const expected = c.expected.get("expected.json")?.map((e) => ({ ...e, name: normalize(e.name) }));
  if (expected === undefined) {
    // A real-world file with no upstream expectation: it must read whole, and not empty.
    api.expect(result.packages.length).toBeGreaterThan(0);
    return;
  }
  api.expect(identities(result.packages)).toEqual(identities(expected));
  for (const e of expected) {
    const found = findPackage(result.packages, e);
    if (e.purl) api.expect(found?.purl).toBe(e.purl);
    const dev = expectsDev(e);
    if (dev !== undefined) api.expect(found?.dev ?? false).toBe(dev);
  }
}
