import { describe, expect, it } from "vitest";
import { catalogArchive, MAX_NESTING_DEPTH } from "./archive-walk.js";
import { writeZip } from "./testdata/zip-writer.js";

const location = { path: "/app/app.war", layer: "sha256:0" };
const pom = (g: string, a: string, v: string) =>
  Buffer.from(`groupId=${g}\nartifactId=${a}\nversion=${v}\n`);
const jar = (g: string, a: string, v: string) =>
  writeZip([{ name: `META-INF/maven/${g}/${a}/pom.properties`, data: pom(g, a, v) }]);

describe("nested archives", () => {
  it("reads WEB-INF/lib and BOOT-INF/lib jars, recording where each was nested", async () => {
    const war = writeZip([
      { name: "META-INF/maven/org.acme/app/pom.properties", data: pom("org.acme", "app", "1.0.0") },
      {
        name: "WEB-INF/lib/commons-io-2.11.0.jar",
        data: jar("commons-io", "commons-io", "2.11.0"),
        store: true,
      },
      { name: "BOOT-INF/lib/guava-31.1.jar", data: jar("com.google.guava", "guava", "31.1") },
    ]);
    const { packages, unknowns } = await catalogArchive(war, location);
    expect(unknowns).toEqual([]);
    expect(packages.map((p) => [p.purl, p.metadata?.virtualPath])).toEqual([
      ["pkg:maven/org.acme/app@1.0.0", "/app/app.war"],
      ["pkg:maven/commons-io/commons-io@2.11.0", "/app/app.war!/WEB-INF/lib/commons-io-2.11.0.jar"],
      ["pkg:maven/com.google.guava/guava@31.1", "/app/app.war!/BOOT-INF/lib/guava-31.1.jar"],
    ]);
    expect(packages.every((p) => p.locations[0]?.path === "/app/app.war")).toBe(true);
  });

  it("reports a shaded artifact as its own package, not as the jar's identity", async () => {
    const shaded = writeZip([
      { name: "META-INF/MANIFEST.MF", data: Buffer.from("Implementation-Version: 2.0.1\n") },
      { name: "META-INF/maven/org.other/dep/pom.properties", data: pom("org.other", "dep", "9.9") },
    ]);
    const { packages } = await catalogArchive(shaded, { path: "/lib/tool-2.0.1.jar" });
    expect(packages.map((p) => [p.purl, p.metadata?.shadedInto])).toEqual([
      ["pkg:maven/tool/tool@2.0.1", undefined],
      ["pkg:maven/org.other/dep@9.9", "/lib/tool-2.0.1.jar"],
    ]);
  });

  it("stops at the depth cap with an unknown", async () => {
    let inner = jar("org.deep", "deep", "1.0");
    for (let i = 0; i <= MAX_NESTING_DEPTH; i++)
      inner = writeZip([{ name: `n${i}.jar`, data: inner }]);
    const { packages, unknowns } = await catalogArchive(inner, location);
    expect(packages).toEqual([]);
    expect(unknowns).toHaveLength(1);
    expect(unknowns[0]?.reason).toMatch(/nested deeper than 16 archives/);
  });
});

describe("bad archives", () => {
  it("a jar that is not a zip becomes an unknown", async () => {
    const { packages, unknowns } = await catalogArchive(
      Buffer.from("#!/bin/sh\necho hi\n"),
      location,
    );
    expect(packages).toEqual([]);
    expect(unknowns).toEqual([
      expect.objectContaining({ path: "/app/app.war", layer: "sha256:0", cataloger: "java" }),
    ]);
    expect(unknowns[0]?.reason).toMatch(/not a readable zip archive/);
  });

  it("a zip bomb nested in a war is refused before inflating, the rest is kept", async () => {
    const bomb = writeZip([{ name: "zeros.bin", data: Buffer.alloc(0) }]);
    const bombJar = writeZip([{ name: "huge.jar", data: Buffer.alloc(600 * 1024 * 1024) }]);
    const war = writeZip([
      { name: "WEB-INF/lib/bomb.jar", data: bombJar, store: true },
      { name: "WEB-INF/lib/ok-1.0.jar", data: jar("org.ok", "ok", "1.0") },
      { name: "WEB-INF/lib/empty.jar", data: bomb },
    ]);
    // The byte budget refuses the entry from its declared size: the unknown's reason proves it
    // was never inflated, so no clock is needed.
    const { packages, unknowns } = await catalogArchive(war, location);
    expect(packages.map((p) => p.purl)).toEqual(["pkg:maven/org.ok/ok@1.0"]);
    expect(unknowns).toHaveLength(1);
    expect(unknowns[0]?.reason).toMatch(/byte budget.*bomb\.jar!\/huge\.jar/);
  });

  it("an entry that inflates past its declared size is refused", async () => {
    const liar = writeZip([{ name: "a.jar", data: Buffer.alloc(1024 * 1024), declaredSize: 10 }]);
    const { unknowns } = await catalogArchive(liar, location);
    expect(unknowns).toHaveLength(1);
    expect(unknowns[0]?.path).toBe("/app/app.war");
  });
});
