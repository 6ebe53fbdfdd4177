import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { writeElf } from "../binary/testdata/elf-writer.js";
import { catalogLayers, testLayerId } from "../test-helpers.js";
import { rustCataloger } from "./rust-cataloger.js";

const corpus = join(import.meta.dirname, "testdata/corpus");
const read = (dir: string, file: string) => readFileSync(join(corpus, dir, file), "utf8");
const lockFile = (dir: string) =>
  readdirSync(join(corpus, dir)).find((f) => !f.startsWith("expected")) as string;

interface Expected {
  name: string;
  version: string;
  purl?: string;
  source_name?: string;
}

async function catalogLock(dir: string) {
  return catalogLayers(rustCataloger, [{ files: { "/src/Cargo.lock": read(dir, lockFile(dir)) } }]);
}

function pick(value: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, value[k]]));
}

const key = (p: Expected) => `${p.name}@${p.version}@${p.source_name ?? ""}`;

describe("Cargo.lock (osv-scalibr and syft corpus)", () => {
  for (const dir of readdirSync(corpus).filter((d) => /^(scalibr|syft)-/.test(d))) {
    it(dir, async () => {
      const result = await catalogLock(dir);
      const want = JSON.parse(read(dir, "expected.json")) as Expected[];
      const got = result.packages.map((p) => {
        const source = p.metadata?.source as string;
        const sourceName = source === "local" ? undefined : source;
        return {
          name: p.name,
          version: p.version,
          type: p.type,
          purl: p.purl,
          source_name: sourceName,
        };
      });
      const sort = <T extends Expected>(list: T[]) =>
        list.sort((a, b) => key(a).localeCompare(key(b)));
      // Upstream asserts purl and source only for registry crates; compare the fields it asserts.
      const projected = sort(got).map((g, i) => pick(g, Object.keys(sort(want)[i] ?? {})));
      expect(projected).toEqual(want);
      expect(result.unknowns).toEqual([]);
    });
  }

  it("cdxgen Cargom.lock: every package, first one as cdxgen lists it", async () => {
    const result = await catalogLock("cdxgen-Cargom.lock");
    const summary = JSON.parse(read("cdxgen-Cargom.lock", "expected-summary.json"));
    expect(result.packages).toHaveLength(summary.cdxgen_assertion_count);
    expect(result.packages[0]).toMatchObject({
      name: "actix-codec",
      version: "0.3.0",
      purl: summary.first_package.purl,
    });
  });

  it("records dependencies by name and the build string in the purl", async () => {
    const result = await catalogLock("scalibr-cargolock-package-with-build-string.lock");
    expect(result.packages[0]?.purl).toBe("pkg:cargo/wasi@0.10.2%2Bwasi-snapshot-preview1");
    const git = await catalogLock("syft-rust-Cargo.lock-with-git-deps");
    const hello = git.packages.find((p) => p.name === "hello_world");
    expect(hello?.metadata?.dependsOn).toEqual(["nom-regex", "regex"]);
  });

  it("a malformed Cargo.lock becomes an unknown", async () => {
    const result = await catalogLayers(rustCataloger, [
      { files: { "/src/Cargo.lock": "[[package]\nname = " } },
    ]);
    expect(result.packages).toEqual([]);
    expect(result.unknowns).toEqual([
      expect.objectContaining({
        path: "/src/Cargo.lock",
        layer: testLayerId(0),
        cataloger: "rust",
      }),
    ]);
  });
});

/** The dependency list of a small cargo-auditable build, in its documented JSON shape. */
const AUDIT = {
  packages: [
    { name: "hello", version: "0.1.0", source: "local", dependencies: [1, 2], root: true },
    { name: "itoa", version: "1.0.11", source: "crates.io" },
    { name: "cc", version: "1.0.83", source: "crates.io", kind: "build" },
  ],
};

describe("cargo-auditable data in binaries", () => {
  it("reads the .dep-v0 section", async () => {
    const elf = writeElf([
      { name: ".text", data: Buffer.alloc(32) },
      { name: ".dep-v0", data: deflateSync(JSON.stringify(AUDIT)) },
    ]);
    const result = await catalogLayers(rustCataloger, [{ files: { "/usr/local/bin/hello": elf } }]);
    expect(result.unknowns).toEqual([]);
    expect(
      result.packages.map((p) => [p.purl, p.foundHow, p.dev ?? false, p.metadata?.dependsOn]),
    ).toEqual([
      ["pkg:cargo/hello@0.1.0", "binary", false, ["itoa", "cc"]],
      ["pkg:cargo/itoa@1.0.11", "binary", false, []],
      ["pkg:cargo/cc@1.0.83", "binary", true, []],
    ]);
  });

  it("corrupt .dep-v0 data becomes an unknown", async () => {
    const elf = writeElf([{ name: ".dep-v0", data: Buffer.from("not zlib at all") }]);
    const result = await catalogLayers(rustCataloger, [{ files: { "/usr/bin/broken": elf } }]);
    expect(result.packages).toEqual([]);
    expect(result.unknowns[0]?.reason).toMatch(/cargo-auditable data not readable/);
  });

  it("a binary without the section (the Go fixture) yields nothing", async () => {
    const go = readFileSync(join(import.meta.dirname, "../go/testdata/hello-go-linux-amd64"));
    expect(await catalogLayers(rustCataloger, [{ files: { "/usr/bin/hello": go } }])).toEqual({
      packages: [],
      unknowns: [],
    });
  });
});
