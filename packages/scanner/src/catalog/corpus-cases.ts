/**
 * Test support for the shared corpus: each case folder holds fixture files and the packages an
 * upstream scanner's test asserts for them (`expected*.json`). A cataloger test lays the
 * fixtures where its cataloger looks for them and compares what it finds with those values.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Package } from "../types.js";

/** One expected package, as the corpus writes it. */
export interface ExpectedPackage {
  name: string;
  version: string;
  type: string;
  purl?: string;
  dep_groups?: string[];
}

/** A partial expectation: a count under another tool's rules, and perhaps one package. */
export interface ExpectedSummary {
  cdxgen_assertion_count: number;
  counted: string;
  first_package?: { name: string; version: string; purl?: string };
}

/** One case folder with its fixture files (relative paths) and its expectations. */
export interface CorpusCase {
  name: string;
  dir: string;
  files: string[];
  /** `expected.json` and `expected.<variant>.json`, by file name. */
  expected: Map<string, ExpectedPackage[]>;
  summary?: ExpectedSummary;
}

/** Every case folder under `root`, sorted by name. */
export function loadCases(root: string): CorpusCase[] {
  return readdirSync(root)
    .sort()
    .map((name) => loadCase(join(root, name), name));
}

function loadCase(dir: string, name: string): CorpusCase {
  const all = listFiles(dir, "");
  const expected = new Map<string, ExpectedPackage[]>();
  for (const file of all.filter((f) => /^expected(\..*)?\.json$/.test(f))) {
    expected.set(file, JSON.parse(readFileSync(join(dir, file), "utf8")) as ExpectedPackage[]);
  }
  const summaryPath = join(dir, "expected-summary.json");
  const summary = existsSync(summaryPath)
    ? (JSON.parse(readFileSync(summaryPath, "utf8")) as ExpectedSummary)
    : undefined;
  const files = all.filter((f) => !f.startsWith("expected"));
  return { name, dir, files, expected, summary };
}

function listFiles(root: string, prefix: string): string[] {
  return readdirSync(join(root, prefix))
    .sort()
    .flatMap((name) => {
      const rel = prefix ? `${prefix}/${name}` : name;
      return statSync(join(root, rel)).isDirectory() ? listFiles(root, rel) : [rel];
    });
}

/** `name@version` of each package, sorted: the identity a corpus expectation asserts. */
export function identities(packages: readonly { name: string; version: string }[]): string[] {
  return packages.map((p) => `${p.name}@${p.version}`).sort();
}

/** Same as {@link identities} without repeats, for tools that list a package once per file. */
export function uniqueIdentities(packages: readonly { name: string; version: string }[]): string[] {
  return [...new Set(identities(packages))];
}

/** Whether the expectation says the package is only a development dependency. */
export function expectsDev(expected: ExpectedPackage): boolean | undefined {
  return expected.dep_groups === undefined ? undefined : expected.dep_groups.includes("dev");
}

/** The package found for an expectation, matched by name and version. */
export function findPackage(found: readonly Package[], expected: ExpectedPackage) {
  return found.find((p) => p.name === expected.name && p.version === expected.version);
}
