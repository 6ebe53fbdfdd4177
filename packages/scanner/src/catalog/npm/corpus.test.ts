import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  type CorpusCase,
  expectsDev,
  findPackage,
  identities,
  loadCases,
} from "../corpus-cases.js";
import { catalogLayers, type TestLayer } from "../test-helpers.js";
import { npmCapabilities } from "./capabilities.js";
import { npmCataloger } from "./npm-cataloger.js";

const cases = loadCases(join(import.meta.dirname, "testdata/corpus"));

/** Where a scan would meet each fixture: lockfiles in a project, package.json in node_modules. */
function mount(c: CorpusCase): TestLayer {
  const files: Record<string, { from: string }> = {};
  // A case laid out as a project tree (it has node_modules) is mounted as it is.
  const asTree = c.files.some((f) => f.startsWith("node_modules/"));
  for (const file of c.files) {
    files[asTree ? `/app/${file}` : imagePath(c.name, file)] = { from: join(c.dir, file) };
  }
  return { files };
}

function imagePath(caseName: string, file: string): string {
  if (/-(?:pkg-json|packagejson)-/.test(caseName)) return "/app/node_modules/pkg/package.json";
  if (file.includes("/") || file === "package.json") return `/app/${file}`;
  if (file === "npm-shrinkwrap.json") return "/app/npm-shrinkwrap.json";
  if (/pnpm/.test(caseName)) return "/app/pnpm-lock.yaml";
  if (/yarn/.test(caseName)) return "/app/yarn.lock";
  if (/bunlock/.test(caseName)) return "/app/bun.lock";
  if (/package-?lock|package-json-v/.test(caseName)) return "/app/package-lock.json";
  throw new Error(`no mount rule for ${caseName}/${file}`);
}

describe("npm corpus", () => {
  for (const c of cases) {
    const capability = npmCapabilities.find((cap) => cap.case === c.name);
    it(`${c.name}${capability ? ` (${capability.status})` : ""}`, async () => {
      const result = await catalogLayers(npmCataloger, [mount(c)]);
      expect(result.unknowns).toEqual([]);
      if (capability) {
        const { yields } = capability;
        if (typeof yields === "number") expect(result.packages.length).toBe(yields);
        else expect(identities(result.packages)).toEqual(yields);
        return;
      }
      if (c.summary) {
        expect(result.packages.length).toBe(c.summary.cdxgen_assertion_count);
        const first = c.summary.first_package;
        if (first) expect(result.packages.map((p) => p.purl)).toContain(first.purl);
        return;
      }
      const expected = c.expected.get("expected.json");
      if (expected === undefined) {
        // A real-world lockfile with no upstream expectation: it must read whole, and not empty.
        expect(result.packages.length).toBeGreaterThan(0);
        return;
      }
      expect(identities(result.packages)).toEqual(identities(expected));
      for (const e of expected) {
        const found = findPackage(result.packages, e);
        if (e.purl) expect(found?.purl).toBe(e.purl);
        const dev = expectsDev(e);
        if (dev !== undefined) expect(found?.dev ?? false).toBe(dev);
      }
    });
  }
});
