import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTree, testContext } from "../test-helpers.js";
import { javaCapabilities } from "./capabilities.js";
import { parseGradleLockfile } from "./gradle-lockfile.js";
import { javaCataloger } from "./java-cataloger.js";
import { parseManifest } from "./manifest.js";
import { parsePomProperties } from "./pom-properties.js";
import { parsePomXml } from "./pom-xml.js";

const corpus = join(import.meta.dirname, "testdata/corpus");
const read = (dir: string, file: string) => readFileSync(join(corpus, dir, file), "utf8");
const json = (dir: string, file = "expected.json") => JSON.parse(read(dir, file));
const unsupported = new Set(javaCapabilities.map((c) => c.case));
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
const fixture = (dir: string) =>
  readdirSync(join(corpus, dir)).find((f) => !f.startsWith("expected")) as string;

async function catalogDir(path: string, content: string) {
  const tree = buildTree([{ files: { [path]: content } }], javaCataloger);
  return javaCataloger.catalog({ ...testContext(tree), mode: "directory" });
}

describe("pom.xml dependencies (osv-scalibr corpus)", () => {
  for (const dir of readdirSync(corpus).filter((d) => d.startsWith("scalibr-pomxml-"))) {
    it(dir, async () => {
      const result = await catalogDir("/src/pom.xml", read(dir, fixture(dir)));
      const same = unsupported.has(dir) ? expect.not : expect;
      const deps = result.packages.filter((p) => !p.metadata?.isProject);
      const got = deps.map((p) => ({
        name: `${p.metadata?.groupId}:${p.name}`,
        version: p.version,
        test: p.metadata?.scope === "test",
      }));
      const want = json(dir).map((p: { name: string; version: string; dep_groups: string[] }) => ({
        name: p.name,
        version: p.version,
        test: p.dep_groups.includes("test"),
      }));
      expect(got.sort(byName)).toEqual(same.arrayContaining(want.sort(byName)));
      expect(got.length).toBe(unsupported.has(dir) ? got.length : want.length);
    });
  }

  it("cdxgen quarkus pom: the project's own coordinates", () => {
    const pom = parsePomXml(read("cdxgen-pom-quarkus.xml", "pom-quarkus.xml"));
    expect(pom).toMatchObject({
      groupId: "io.quarkus.sample.super-heroes",
      artifactId: "rest-fights",
      version: "1.0",
    });
  });
});

describe("pom.xml projects (syft corpus)", () => {
  it("example-java-app-maven: the project and its pinned dependencies", async () => {
    const dir = "syft-java-pom-example-java-app-maven";
    const result = await catalogDir("/src/pom.xml", read(dir, "pom.xml"));
    const got = result.packages.map((p) => ({
      name: p.name,
      version: p.version,
      type: p.type,
      purl: p.purl,
    }));
    expect(got).toEqual(json(dir));
  });

  // syft names these by the pom's display <name>; Lading names Maven packages by artifactId.
  for (const [dir, artifactId] of [
    ["syft-java-pom-commons-codec.pom.xml", "commons-codec"],
    ["syft-java-pom-neo4j-license-maven-plugin.pom.xml", "license-maven-plugin"],
  ] as const) {
    it(`${dir}: own version, never the parent's`, () => {
      const pom = parsePomXml(read(dir, fixture(dir)));
      expect({ artifactId: pom.artifactId, version: pom.version }).toEqual({
        artifactId,
        version: json(dir)[0].version,
      });
    });
  }

  it("pom.xml is not read in an image scan", async () => {
    const dir = "syft-java-pom-example-java-app-maven";
    const tree = buildTree([{ files: { "/src/pom.xml": read(dir, "pom.xml") } }], javaCataloger);
    expect((await javaCataloger.catalog(testContext(tree))).packages).toEqual([]);
  });
});

describe("gradle.lockfile", () => {
  for (const dir of readdirSync(corpus).filter((d) => d.startsWith("scalibr-gradlelockfile-"))) {
    it(dir, () => {
      const got = parseGradleLockfile(read(dir, fixture(dir))).map((l) => ({
        name: `${l.groupId}:${l.artifactId}`,
        version: l.version,
        type: "maven",
      }));
      expect(got).toEqual(json(dir));
    });
  }

  it("syft gradle.lockfile, with purls", async () => {
    const dir = "syft-java-gradle-gradle.lockfile";
    const tree = buildTree(
      [{ files: { "/src/gradle.lockfile": read(dir, "gradle.lockfile") } }],
      javaCataloger,
    );
    const result = await javaCataloger.catalog(testContext(tree));
    const got = result.packages.map((p) => ({
      name: p.name,
      version: p.version,
      type: p.type,
      purl: p.purl,
    }));
    expect(got.sort(byName)).toEqual(json(dir));
    expect(result.packages.find((p) => p.name === "junit")?.dev).toBe(true);
  });
});

describe("MANIFEST.MF and pom.properties (syft corpus)", () => {
  const manifestCases = [
    "continuation",
    "extra-info",
    "small",
    "standard-info",
    "version-with-date",
    "extra-empty-lines",
  ];
  for (const name of manifestCases) {
    it(`manifest ${name}`, () => {
      const dir = `syft-manifest-${name}`;
      const { main, sections } = parseManifest(read(dir, name));
      const want = json(dir, "expected-metadata.json");
      expect([...main].map(([Key, Value]) => ({ Key, Value }))).toEqual(want.Main);
      // syft counts sections its own way around stray lines; only extra-info is unambiguous.
      if (name === "extra-info") expect(sections.length).toBe(want.Sections.length);
    });
  }

  for (const dir of readdirSync(corpus).filter((d) => /^syft-pom-.*\.pom\.properties$/.test(d))) {
    it(dir, () => {
      const props = parsePomProperties(read(dir, fixture(dir)));
      const want = json(dir, "expected-metadata.json");
      expect(props.groupId).toBe(want.GroupID);
      expect(props.artifactId).toBe(want.ArtifactID);
      expect(props.version).toBe(want.Version);
      const { name, ...extra } = props.extra;
      expect(name).toBe(want.Name);
      expect(Object.keys(extra).length > 0 ? extra : undefined).toEqual(want.Extra);
    });
  }
});
