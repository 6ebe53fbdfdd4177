import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Distro } from "../../types.js";
import {
  catalogLayers,
  readExpected,
  sideBySide,
  type TestLayer,
  testLayerId,
} from "../test-helpers.js";
import { apkCataloger } from "./apk-cataloger.js";

const TESTDATA = join(import.meta.dirname, "testdata");
const INSTALLED = "/lib/apk/db/installed";

/** The database of a fixture: in rootfs layout, or a loose file named after the case. */
function databaseOf(dir: string): string {
  const rootfs = join(TESTDATA, dir, "lib/apk/db/installed");
  if (existsSync(rootfs)) return rootfs;
  const loose = readdirSync(join(TESTDATA, dir)).find((f) => !f.startsWith("expected"));
  return join(TESTDATA, dir, loose as string);
}

const layerOf = (dir: string): TestLayer => ({ files: { [INSTALLED]: { from: databaseOf(dir) } } });
const ALPINE: Distro = { id: "alpine", versionId: "3.10.2" };

describe("apk against the corpus expectations", () => {
  for (const dir of readdirSync(TESTDATA).sort()) {
    for (const file of readdirSync(join(TESTDATA, dir)).filter((f) =>
      /^expected.*\.json$/.test(f),
    )) {
      if (file === "expected-relationships.json") continue;
      it(`${dir}/${file}`, async () => {
        const { packages, unknowns } = await catalogLayers(apkCataloger, [layerOf(dir)]);
        const { got, want } = sideBySide(packages, readExpected(join(TESTDATA, dir, file)));
        expect(got).toEqual(want);
        expect(unknowns).toEqual([]);
      });
    }
  }

  it("syft-multiple-2: every dependency edge syft resolves is among the named dependencies", async () => {
    const { packages } = await catalogLayers(apkCataloger, [layerOf("syft-multiple-2")]);
    const edges = JSON.parse(
      readFileSync(join(TESTDATA, "syft-multiple-2/expected-relationships.json"), "utf8"),
    ) as Record<string, string[]>;
    const byName = new Map(packages.map((p) => [p.name, p]));
    const namesOf = (name: string) => [
      name,
      ...((byName.get(name)?.metadata?.provides as string[]) ?? []),
    ];
    for (const [from, targets] of Object.entries(edges)) {
      const depends = (byName.get(from)?.metadata?.depends as string[]) ?? [];
      for (const to of targets) {
        expect(
          namesOf(to).some((n) => depends.includes(n)),
          `${from} → ${to}`,
        ).toBe(true);
      }
    }
  });
});

describe("apk details", () => {
  it("reads licence, origin, maintainer, files and purl of a real database (CRLF)", async () => {
    const { packages } = await catalogLayers(
      apkCataloger,
      [layerOf("cdxgen-alpine-installed")],
      ALPINE,
    );
    expect(packages).toHaveLength(15);
    const busybox = packages.find((p) => p.name === "busybox");
    expect(busybox).toMatchObject({
      version: "1.35.0-r29",
      arch: "x86_64",
      licenses: ["GPL-2.0-only"],
      source: { name: "busybox" },
      description: "Size optimized toolbox of many common UNIX utilities",
      purl: "pkg:apk/alpine/busybox@1.35.0-r29?arch=x86_64&distro=alpine-3.10.2",
      locations: [{ path: INSTALLED, layer: testLayerId(0) }],
      layer: testLayerId(0),
    });
    expect(busybox?.files).toContain("/bin/busybox");
  });

  it("joins R: files to their F: directory and ignores file attributes", async () => {
    const { packages } = await catalogLayers(apkCataloger, [layerOf("syft-extra-file-attributes")]);
    expect(packages[0]?.files?.[0]).toBe("/usr/lib/jvm/java-1.8-openjdk/bin/policytool");
    expect(packages[0]?.files?.some((f) => f.includes(":"))).toBe(false);
  });

  it("puts the origin in upstream when it differs from the name", async () => {
    const { packages } = await catalogLayers(apkCataloger, [layerOf("syft-single")], ALPINE);
    expect(packages[0]?.purl).toBe(
      "pkg:apk/alpine/musl-utils@1.1.24-r2?arch=x86_64&distro=alpine-3.10.2&upstream=musl",
    );
  });

  it("keeps a broken record as an unknown and reads the rest", async () => {
    const text = readFileSync(databaseOf("syft-multiple-1"), "utf8");
    const broken = `P:no-version\nA:x86_64\n\nV:1.0\nA:x86_64\n\n${text}`;
    const { packages, unknowns } = await catalogLayers(apkCataloger, [
      { files: { [INSTALLED]: broken } },
    ]);
    expect(packages).toHaveLength(4);
    expect(unknowns).toEqual([
      {
        path: INSTALLED,
        layer: testLayerId(0),
        cataloger: "apk",
        reason: "record at line 1 (no-version) has no version (V:)",
      },
      {
        path: INSTALLED,
        layer: testLayerId(0),
        cataloger: "apk",
        reason: "record at line 4 has no package name (P:)",
      },
    ]);
  });
});

describe("apk layer attribution", () => {
  it("gives each package the layer that installed its version", async () => {
    const records = readFileSync(databaseOf("scalibr-apk-installed"), "utf8")
      .split(/\n\n+/)
      .filter((r) => r.trim() !== "");
    const db = (rs: string[]) => ({ files: { [INSTALLED]: `${rs.join("\n\n")}\n\n` } });
    const upgraded = (records[0] as string).replace(/^V:(.+)$/m, "V:$1.1");
    const { packages } = await catalogLayers(apkCataloger, [
      db(records.slice(0, 5)),
      db(records),
      db([upgraded, ...records.slice(1)]),
    ]);
    const name = (r: string) => /^P:(.+)$/m.exec(r)?.[1];
    const layerOf = (r: string) => packages.find((p) => p.name === name(r))?.layer;
    expect(layerOf(records[0] as string)).toBe(testLayerId(2));
    expect(layerOf(records[1] as string)).toBe(testLayerId(0));
    expect(layerOf(records[5] as string)).toBe(testLayerId(1));
    expect(packages[0]?.locations).toEqual([{ path: INSTALLED, layer: testLayerId(2) }]);
  });
});
