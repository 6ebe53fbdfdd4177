import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogLayers, testLayerId } from "../test-helpers.js";
import { dotnetCapabilities } from "./capabilities.js";
import { dotnetCataloger } from "./dotnet-cataloger.js";

const corpus = join(import.meta.dirname, "testdata/corpus");
const read = (dir: string, file: string) => readFileSync(join(corpus, dir, file));
const fixture = (dir: string) =>
  readdirSync(join(corpus, dir)).find((f) => !f.startsWith("expected")) as string;

/** Where each corpus case is laid in the image: the file name the cataloger looks for. */
function imagePath(dir: string): string {
  if (dir.includes("depsjson") || dir.includes("dir-example")) return "/app/TestLibrary.deps.json";
  if (dir.includes("packagesconfig") || dir.endsWith("packages.config"))
    return "/src/packages.config";
  return "/src/packages.lock.json";
}

async function catalogCase(dir: string) {
  return catalogLayers(dotnetCataloger, [{ files: { [imagePath(dir)]: read(dir, fixture(dir)) } }]);
}

const key = (p: { name: string; version: string }) => `${p.name}@${p.version}`;
const sorted = <T extends { name: string; version: string }>(list: T[]) =>
  list.sort((a, b) => key(a).localeCompare(key(b)));

describe(".NET corpus cases (osv-scalibr and syft)", () => {
  for (const dir of readdirSync(corpus).filter((d) => /^(scalibr|syft)-/.test(d))) {
    it(dir, async () => {
      const result = await catalogCase(dir);
      const want = JSON.parse(read(dir, "expected.json").toString()) as Record<string, string>[];
      const got = result.packages.map(
        (p) =>
          ({ name: p.name, version: p.version, type: p.type, purl: p.purl }) as Record<
            string,
            string
          >,
      );
      const projected = sorted(got as never[]).map((g: Record<string, string>, i) =>
        Object.fromEntries(Object.keys(sorted(want as never[])[i] ?? {}).map((k) => [k, g[k]])),
      );
      expect(projected).toEqual(want);
      expect(result.unknowns).toEqual([]);
    });
  }
});

describe(".NET corpus cases (cdxgen summaries)", () => {
  for (const dir of readdirSync(corpus).filter((d) => d.startsWith("cdxgen-"))) {
    it(dir, async () => {
      const result = await catalogCase(dir);
      const summary = JSON.parse(read(dir, "expected-summary.json").toString());
      const first = summary.first_package;
      if (dotnetCapabilities.some((c) => c.case === dir)) {
        expect(read(dir, fixture(dir)).toString()).not.toContain(first.name);
        expect(result.packages.length).toBeGreaterThan(0);
        return;
      }
      expect(result.packages.find((p) => p.purl === first.purl)).toMatchObject({
        name: first.name,
        version: first.version,
      });
      expect(result.packages.length).toBeGreaterThan(0);
    });
  }
});

describe(".NET records", () => {
  it("deps.json: project and package libraries with their dependencies", async () => {
    const result = await catalogCase("syft-dotnet-dir-example-1");
    const lib = result.packages.find((p) => p.name === "TestLibrary");
    expect(lib).toMatchObject({
      foundBy: "dotnet",
      foundHow: "installed",
      locations: [{ path: "/app/TestLibrary.deps.json", layer: testLayerId(0) }],
      metadata: { libraryType: "project" },
    });
    expect(lib?.metadata?.dependsOn).toContain("TestCommon");
  });

  it("packages.config: developmentDependency marks a dev package", async () => {
    const result = await catalogCase("scalibr-packagesconfig-valid");
    expect(result.packages.find((p) => p.name === "Microsoft.Net.Compilers")?.dev).toBe(true);
  });

  it.each([
    ["/app/broken.deps.json", "{ not json"],
    ["/src/packages.lock.json", "[1,"],
    ["/src/packages.config", "<nothing/>"],
  ])("a malformed %s becomes an unknown", async (path, content) => {
    const result = await catalogLayers(dotnetCataloger, [{ files: { [path]: content } }]);
    expect(result.packages).toEqual([]);
    expect(result.unknowns).toEqual([
      expect.objectContaining({ path, layer: testLayerId(0), cataloger: "dotnet" }),
    ]);
  });
});
