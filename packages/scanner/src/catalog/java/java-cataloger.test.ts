import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { Package } from "../../types.js";
import { catalogLayers, testLayerId } from "../test-helpers.js";
import { javaCapabilities } from "./capabilities.js";
import { javaCataloger } from "./java-cataloger.js";
import { writeZip } from "./testdata/zip-writer.js";

const corpus = join(import.meta.dirname, "testdata/corpus");
const unsupported = new Set(javaCapabilities.map((c) => c.case));

/** scalibr names Maven packages `group:artifact`. */
function coordinates(pkgs: Package[]) {
  return pkgs.map((p) => `${p.metadata?.groupId}:${p.name}@${p.version}`).sort();
}

function expected(dir: string, file = "expected.json"): { name: string; version: string }[] {
  return JSON.parse(readFileSync(join(corpus, dir, file), "utf8"));
}

/** Zips a fixture directory the way the upstream test does at test time. */
function zipDir(root: string): Buffer {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (!name.startsWith("expected")) files.push(path);
    }
  };
  walk(root);
  return writeZip(files.map((f) => ({ name: relative(root, f), data: readFileSync(f) })));
}

async function catalogJar(name: string, content: Buffer) {
  return catalogLayers(javaCataloger, [{ files: { [`/app/${name}`]: content } }]);
}

const archiveCases = readdirSync(corpus).filter((d) => /^scalibr-archive-.*\.jar$/.test(d));

describe("java archives (osv-scalibr corpus)", () => {
  for (const dir of archiveCases) {
    const jar = readdirSync(join(corpus, dir)).find((f) => f.endsWith(".jar")) as string;
    it.skipIf(unsupported.has(dir))(dir, async () => {
      const result = await catalogJar(jar, readFileSync(join(corpus, dir, jar)));
      const want = expected(dir).map((p) => `${p.name}@${p.version}`);
      expect(coordinates(result.packages)).toEqual(want.sort());
      expect(result.unknowns).toEqual([]);
    });
  }
});

describe("java archives (syft corpus, zipped at test time)", () => {
  const cases = readdirSync(corpus).filter((d) => d.startsWith("syft-java-jar-metadata-cache-"));
  for (const dir of cases) {
    it(dir, async () => {
      const name = dir.replace("syft-java-jar-metadata-cache-", "");
      const result = await catalogJar(name, zipDir(join(corpus, dir)));
      const want = expected(dir).map((p) => ({
        name: p.name,
        version: p.version,
        purl: (p as Package).purl,
      }));
      const got = result.packages.map((p) => ({ name: p.name, version: p.version, purl: p.purl }));
      expect(got).toEqual(want);
    });
  }
});

describe("capability table", () => {
  for (const { case: dir } of javaCapabilities.filter((c) => c.case.endsWith(".jar"))) {
    it(`${dir} still differs from upstream`, async () => {
      const jar = readdirSync(join(corpus, dir)).find((f) => f.endsWith(".jar")) as string;
      const result = await catalogJar(jar, readFileSync(join(corpus, dir, jar)));
      const want = expected(dir).map((p) => `${p.name}@${p.version}`);
      expect(coordinates(result.packages)).not.toEqual(want.sort());
    });
  }
});

describe("package records", () => {
  it("records location, layer, how it was found and the purl", async () => {
    const dir = "scalibr-archive-simple.jar";
    const result = await catalogJar("simple.jar", readFileSync(join(corpus, dir, "simple.jar")));
    expect(result.packages[0]).toMatchObject({
      name: "package-name",
      version: "1.2.3",
      type: "maven",
      purl: "pkg:maven/com.some.package/package-name@1.2.3",
      foundBy: "java",
      foundHow: "archive",
      locations: [{ path: "/app/simple.jar", layer: testLayerId(0) }],
      layer: testLayerId(0),
    });
  });
});
