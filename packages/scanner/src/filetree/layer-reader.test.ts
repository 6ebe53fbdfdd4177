import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decompress } from "./decompress.js";
import { FileTree } from "./file-tree.js";
import { createLayerIndex, readLayerTar } from "./layer-reader.js";
import { keepAll, readLayer, tarBytes } from "./tar-helper.fixture.js";

describe("readLayerTar with hostile or broken layers", () => {
  it("skips entries that climb above the root and keeps absolute ones inside it", async () => {
    const index = await readLayer(
      await tarBytes([
        { name: "../escape", body: "bad" },
        { name: "a/../../escape2", body: "bad" },
        { name: "/abs/file", body: "ok" },
        { name: "./rel/../kept", body: "ok" },
      ]),
      0,
    );
    expect(index.entries.map((e) => e.path)).toEqual(["/abs/file", "/kept"]);
    expect(index.unknowns).toEqual([
      {
        path: "../escape",
        layer: "layer-0",
        reason: "entry path climbs above the image root; skipped",
      },
      {
        path: "a/../../escape2",
        layer: "layer-0",
        reason: "entry path climbs above the image root; skipped",
      },
    ]);
  });

  it("keeps what a truncated layer held before it broke off, and says so", async () => {
    const bytes = await tarBytes([
      { name: "etc/first", body: "first" },
      { name: "etc/second", body: "x".repeat(4000) },
    ]);
    const index = await readLayer(bytes.subarray(0, 2048), 3);
    expect(index.captured.get("/etc/first")?.toString()).toBe("first");
    expect(index.unknowns).toEqual([
      expect.objectContaining({
        path: "/",
        layer: "layer-3",
        reason: expect.stringContaining("could not be read"),
      }),
    ]);
  });

  it("turns a corrupt gzip layer into an unknown", async () => {
    const gz = Buffer.from(gzipSync(await tarBytes([{ name: "etc/f", body: "y".repeat(10000) }])));
    for (let i = 20; i < 60; i++) gz[i] = (gz[i] ?? 0) ^ 0xff;
    const { stream, compression } = await decompress(Readable.from([gz]));
    expect(compression).toBe("gzip");
    const index = await readLayerTar(stream, createLayerIndex(0), keepAll, "sha256:layer");
    expect(index.unknowns[0]).toMatchObject({ path: "/", layer: "sha256:layer" });
  });

  it("records a huge sparse file without reading it, in GNU and PAX formats", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lading-sparse-"));
    mkdirSync(join(dir, "root/data"), { recursive: true });
    execFileSync("truncate", ["-s", "20G", join(dir, "root/data/huge")]);
    writeFileSync(join(dir, "root/data/small"), "hello\n");
    for (const format of ["gnu", "posix"]) {
      const tar = join(dir, `${format}.tar`);
      execFileSync("tar", [
        "--sparse",
        `--format=${format}`,
        "-cf",
        tar,
        "-C",
        join(dir, "root"),
        ".",
      ]);
      const index = await readLayer(readFileSync(tar), 0);
      const tree = new FileTree();
      tree.applyLayer(index);
      expect(tree.read("/data/small")?.toString()).toBe("hello\n");
      expect(index.captured.has("/data/huge")).toBe(false);
      expect(index.unknowns).toEqual([
        expect.objectContaining({ path: "/data/huge", layer: "layer-0" }),
      ]);
      if (format === "posix")
        expect(tree.get("/data/huge")).toMatchObject({ type: "file", size: 20 * 2 ** 30 });
    }
  });
});
