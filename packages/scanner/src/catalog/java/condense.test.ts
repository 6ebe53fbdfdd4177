/**
 * An archive is walked as its layer is read and held as what the walk found: the record must
 * catalog to exactly what the archive itself does, wherever the squashed tree shows it.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCapturePolicy } from "../../capture-policy.js";
import { FileTree } from "../../filetree/file-tree.js";
import { readLayer, tarBytes } from "../../filetree/tar-helper.fixture.js";
import { catalogers } from "../registry.js";
import { buildTree, catalogLayers, testContext } from "../test-helpers.js";
import { javaCataloger } from "./java-cataloger.js";
import { writeZip } from "./testdata/zip-writer.js";

const corpus = join(import.meta.dirname, "testdata/corpus");
const jar = (dir: string) => {
  const folder = join(corpus, dir);
  const file = readdirSync(folder).find((f) => f.endsWith(".jar")) as string;
  return readFileSync(join(folder, file));
};
const complex = jar("scalibr-archive-complex.jar");
const nested = jar("scalibr-archive-nested_at_10.jar");
const broken = Buffer.from("PK\x03\x04 this is not really a zip", "latin1");

describe("Java archives held as records", () => {
  for (const [name, bytes] of [
    ["complex.jar", complex],
    ["nested.jar", nested],
    ["broken.jar", broken],
  ] as const) {
    it(`${name}: the record catalogs as the archive does`, async () => {
      const layers = [{ files: { [`/app/${name}`]: bytes } }];
      const whole = await javaCataloger.catalog(testContext(buildTree(layers, javaCataloger)));
      const fromRecord = await catalogLayers(javaCataloger, layers);
      expect(fromRecord).toEqual(whole);
      expect(whole.packages.length + whole.unknowns.length).toBeGreaterThan(0);
    });
  }

  it("a record is a fraction of its archive", async () => {
    // An application jar: a Maven record beside a megabyte of classes, stored uncompressed.
    const pom = "groupId=com.example\nartifactId=app\nversion=1.0.0\n";
    const app = writeZip([
      { name: "META-INF/maven/com.example/app/pom.properties", data: Buffer.from(pom) },
      { name: "com/example/App.class", data: Buffer.alloc(1 << 20, 0xca), store: true },
    ]);
    const record = (await javaCataloger.condense("/app/app.jar", app)) as Buffer;
    expect(record.length).toBeLessThan(2048);
    const result = await catalogLayers(javaCataloger, [{ files: { "/app/app.jar": app } }]);
    expect(result.packages.map((p) => p.purl)).toEqual(["pkg:maven/com.example/app@1.0.0"]);
    expect(await javaCataloger.condense("/app/pom.xml", Buffer.from("<project/>"))).toBeUndefined();
  });

  it("the scan's policy holds the record, and the latest copy of a path written twice", async () => {
    const tar = await tarBytes([
      { name: "app/lib.jar", body: broken },
      { name: "app/lib.jar", body: complex },
      { name: "app/other.jar", body: complex },
      { name: "app/other.jar", body: "" },
    ]);
    const index = await readLayer(tar, 0, createCapturePolicy(catalogers));
    const held = index.captured.get("/app/lib.jar") as Buffer;
    expect(held).toEqual(await javaCataloger.condense("/app/lib.jar", complex));
    // The empty copy came last: its own record (an unreadable zip), not the jar before it.
    expect(index.captured.get("/app/other.jar")).toEqual(
      await javaCataloger.condense("/app/other.jar", Buffer.alloc(0)),
    );
  });

  it("a record seen through a hard link names the link's path", async () => {
    const tar = await tarBytes([
      { name: "app/lib.jar", body: complex },
      { name: "srv/copy.jar", type: "link", linkname: "app/lib.jar" },
    ]);
    const tree = new FileTree();
    tree.applyLayer(await readLayer(tar, 0, createCapturePolicy([javaCataloger])));
    const result = await javaCataloger.catalog(testContext(tree));
    const paths = new Set(result.packages.flatMap((p) => p.locations.map((l) => l.path)));
    expect([...paths].sort()).toEqual(["/app/lib.jar", "/srv/copy.jar"]);
    const virtual = result.packages.map((p) => String(p.metadata?.virtualPath));
    expect(virtual.filter((v) => v.startsWith("/srv/copy.jar")).length).toBe(
      virtual.filter((v) => v.startsWith("/app/lib.jar")).length,
    );
  });
});
