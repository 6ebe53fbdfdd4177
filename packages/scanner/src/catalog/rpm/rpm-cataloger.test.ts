import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Distro, Package } from "../../types.js";
import {
  catalogLayers,
  type FieldReaders,
  osFieldReaders,
  readExpected,
  sideBySide,
  type TestLayer,
  testLayerId,
} from "../test-helpers.js";
import { rpmCataloger } from "./rpm-cataloger.js";

const TESTDATA = join(import.meta.dirname, "testdata");

/** Loose fixture files and where an image keeps them. */
const LOOSE: Record<string, string> = {
  Packages_epoch: "/var/lib/rpm/Packages",
  Packages: "/var/lib/rpm/Packages",
  "container-manifest-2": "/var/lib/rpmmanifest/container-manifest-2",
};

function layerOf(dir: string): TestLayer {
  const loose = readdirSync(join(TESTDATA, dir)).find((f) => f in LOOSE);
  if (loose === undefined) return { dirs: [join(TESTDATA, dir)] };
  return { files: { [LOOSE[loose] as string]: { from: join(TESTDATA, dir, loose) } } };
}

const meta = (key: string) => (p: Package) => p.metadata?.[key];
const common: FieldReaders = {
  ...osFieldReaders,
  release: meta("release"),
  source_rpm: meta("sourceRpm"),
  size: meta("size"),
  vendor: meta("vendor"),
  sigmd5: meta("sigmd5"),
  license: (p) => p.licenses?.[0],
};

/**
 * What `version` means differs by source: go-rpmdb asserts rpm's VERSION tag alone, scalibr
 * version-release, syft epoch:version-release (Lading's own convention).
 */
const VERSION_READERS: Record<string, (p: Package) => unknown> = {
  gorpmdb: meta("version"),
  scalibr: (p) => `${p.metadata?.version}-${p.metadata?.release}`,
  syft: (p) => p.version,
};

describe("rpm against the corpus expectations", () => {
  for (const dir of readdirSync(TESTDATA).sort()) {
    for (const file of readdirSync(join(TESTDATA, dir)).filter((f) =>
      /^expected.*\.json$/.test(f),
    )) {
      it(`${dir}/${file}`, async () => {
        const { packages, unknowns } = await catalogLayers(rpmCataloger, [layerOf(dir)]);
        const expected = readExpected(join(TESTDATA, dir, file));
        const readers = {
          ...common,
          version: VERSION_READERS[dir.split("-")[0] as string],
        } as FieldReaders;
        // A subset expectation names some of the packages; the rest must still be readable.
        const subset = file.startsWith("expected-subset");
        const compared = subset
          ? packages.filter((p) => expected.some((e) => e.name === p.name))
          : packages;
        const { got, want } = sideBySide(compared, expected, readers);
        expect(got).toEqual(want);
        expect(unknowns).toEqual([]);
        if (subset) expect(packages.length).toBeGreaterThanOrEqual(expected.length);
      });
    }
  }
});

const RHEL: Distro = { id: "rhel", versionId: "8.8" };

describe("rpm details", () => {
  it("reads a Berkeley DB package fully: files, licence, source, purl", async () => {
    const { packages } = await catalogLayers(rpmCataloger, [layerOf("gorpmdb-libuuid-bdb")], RHEL);
    const uuid = packages.find((p) => p.name === "libuuid");
    expect(uuid).toMatchObject({
      version: "2.32.1-42.el8_8",
      arch: "x86_64",
      licenses: ["BSD"],
      source: { name: "util-linux", version: "2.32.1-42.el8_8" },
      purl: "pkg:rpm/redhat/libuuid@2.32.1-42.el8_8?arch=x86_64&distro=rhel-8.8&upstream=util-linux-2.32.1-42.el8_8.src.rpm",
      locations: [{ path: "/var/lib/rpm/Packages", layer: testLayerId(0) }],
      layer: testLayerId(0),
    });
    expect(uuid?.files).toContain("/usr/lib64/libuuid.so.1");
  });

  it("puts the epoch in the version and in the purl's epoch qualifier", async () => {
    const { packages } = await catalogLayers(rpmCataloger, [layerOf("scalibr-rpm-Packages_epoch")]);
    expect(packages[0]).toMatchObject({
      version: "1:0.0.1-rls",
      epoch: 1,
      purl: "pkg:rpm/hello@0.0.1-rls?arch=x86_64&epoch=1&upstream=hello-0.0.1-rls.src.rpm",
    });
  });

  it("reads every NDB package with its files", async () => {
    const { packages } = await catalogLayers(rpmCataloger, [layerOf("gorpmdb-sle15-bci-ndb")]);
    const bash = packages.find((p) => p.name === "bash");
    expect(bash?.files).toContain("/usr/bin/bash");
  });
});

describe("rpm bad input", () => {
  const bdb = readFileSync(join(TESTDATA, "gorpmdb-libuuid-bdb/var/lib/rpm/Packages"));
  const at = (path: string, content: Buffer): TestLayer => ({ files: { [path]: content } });

  it("turns a file that is no rpm database into an unknown", async () => {
    const { packages, unknowns } = await catalogLayers(rpmCataloger, [
      at("/var/lib/rpm/rpmdb.sqlite", Buffer.from("not a database at all")),
    ]);
    expect(packages).toEqual([]);
    expect(unknowns).toEqual([
      {
        path: "/var/lib/rpm/rpmdb.sqlite",
        layer: testLayerId(0),
        cataloger: "rpm",
        reason: "not an rpm database (sqlite, NDB or Berkeley DB)",
      },
    ]);
  });

  it("keeps the other packages when one header is corrupt", async () => {
    const damaged = Buffer.from(bdb);
    const { packages: all } = await catalogLayers(rpmCataloger, [at("/var/lib/rpm/Packages", bdb)]);
    // Overwrite the index count of the first header (start of the first overflow page's data).
    const first = findOverflowStart(damaged);
    damaged.writeInt32BE(0x7fffffff, first);
    const { packages, unknowns } = await catalogLayers(rpmCataloger, [
      at("/var/lib/rpm/Packages", damaged),
    ]);
    expect(packages.length).toBe(all.length - 1);
    expect(unknowns).toHaveLength(1);
    expect(unknowns[0]?.reason).toMatch(/^record \d+: corrupt header: header declares/);
  });

  it("survives a truncated SQLite database", async () => {
    const sqlite = readFileSync(
      join(TESTDATA, "gorpmdb-cbl-mariner-2.0-sqlite/var/lib/rpm/rpmdb.sqlite"),
    );
    const { unknowns } = await catalogLayers(rpmCataloger, [
      at("/var/lib/rpm/rpmdb.sqlite", sqlite.subarray(0, 8192)),
    ]);
    expect(unknowns).toHaveLength(1);
    expect(unknowns[0]?.cataloger).toBe("rpm");
  });

  it("survives a truncated NDB database", async () => {
    const ndb = readFileSync(
      join(TESTDATA, "gorpmdb-sle15-bci-ndb/usr/lib/sysimage/rpm/Packages.db"),
    );
    const { packages, unknowns } = await catalogLayers(rpmCataloger, [
      at("/usr/lib/sysimage/rpm/Packages.db", ndb.subarray(0, ndb.length / 2)),
    ]);
    expect(packages.length).toBeGreaterThan(0);
    expect(unknowns.length).toBeGreaterThan(0);
    for (const u of unknowns) expect(u.reason).toMatch(/^record \d+: /);
  });
});

/** Offset of the first byte of data on the first overflow page of a Berkeley DB file. */
function findOverflowStart(db: Buffer): number {
  const pageSize = db.readUInt32LE(20);
  for (let page = 1; page * pageSize < db.length; page++) {
    if (db[page * pageSize + 25] === 7) return page * pageSize + 26;
  }
  throw new Error("no overflow page");
}

describe("rpm layer attribution", () => {
  it("follows each package back through the database's versions", async () => {
    const dir = "gorpmdb-sle15-bci-ndb";
    const path = "/usr/lib/sysimage/rpm/Packages.db";
    const ndb = readFileSync(join(TESTDATA, dir, path));
    const libuuid = readFileSync(join(TESTDATA, "gorpmdb-libuuid-bdb/var/lib/rpm/Packages"));
    expect(existsSync(join(TESTDATA, dir, path))).toBe(true);
    // Layer 0 has an unrelated database; layer 1 the real one; layer 2 rewrites it unchanged.
    const { packages } = await catalogLayers(rpmCataloger, [
      { files: { [path]: libuuid } },
      { files: { [path]: ndb } },
      { files: { [path]: Buffer.from(ndb) } },
    ]);
    expect(new Set(packages.map((p) => p.layer))).toEqual(new Set([testLayerId(1)]));
    expect(packages[0]?.locations).toEqual([{ path, layer: testLayerId(2) }]);
  });
});
