import { describe, expect, it } from "vitest";
import { FileTree } from "../filetree/file-tree.js";
import { layers, type Member } from "../filetree/tar-helper.fixture.js";
import type { LayerIndex } from "../filetree/types.js";
import { buildLayersReport } from "./build-report.js";
import type { LayersReport, WasteCategory } from "./types.js";

/** A file of `n` bytes. */
function file(name: string, n: number): Member {
  return { name, body: "x".repeat(n) };
}

async function report(...members: Member[][]): Promise<LayersReport> {
  const indexes = await layers(...members);
  return buildLayersReport({ source: { kind: "test", target: "t" }, indexes, packages: [] });
}

/** Bytes of `category` in layer `layer`, or in the whole image when no layer is given. */
function waste(r: LayersReport, category: WasteCategory, layer?: number): number {
  const items = layer === undefined ? r.summary.waste : r.layers[layer]?.waste;
  return items?.find((w) => w.category === category)?.bytes ?? 0;
}

describe("layer ledger on synthetic layers", () => {
  it("counts a file a later layer rewrites as overwritten waste of the lower one", async () => {
    const r = await report([file("a", 10), file("b", 4)], [file("a", 3)]);
    expect(waste(r, "overwritten", 0)).toBe(10);
    expect(r.layers[1]?.files).toEqual({ added: 0, modified: 1, removed: 0 });
    expect(r.summary).toMatchObject({ storedBytes: 17, finalBytes: 7, wastedBytes: 10 });
    expect(r.summary.efficiency).toBeCloseTo(7 / 17, 12);
    expect(r.summary.wastedPercent).toBeCloseTo(10 / 17, 12);
  });

  it("counts a whiteout's file as deleted waste and as removed by the deleting layer", async () => {
    const r = await report([file("d/x", 5), file("d/y", 7)], [file("d/.wh.x", 0)]);
    expect(waste(r, "deleted", 0)).toBe(5);
    expect(r.layers[0]?.waste[0]?.largest).toEqual([{ path: "/d/x", bytes: 5 }]);
    expect(r.layers[1]?.files).toEqual({ added: 0, modified: 0, removed: 1 });
    expect(r.layers[1]?.wastedBytes).toBe(0);
    expect(r.summary.finalBytes).toBe(7);
  });

  it("removes a whited-out directory with everything below it", async () => {
    const r = await report([file("d/x", 5), file("d/e/y", 7), file("z", 1)], [file(".wh.d", 0)]);
    expect(waste(r, "deleted", 0)).toBe(12);
    expect(r.layers[1]?.files.removed).toBe(2);
    expect(r.summary.finalFiles).toBe(1);
  });

  it("counts an opaque directory's hidden children as removed, its new ones as added", async () => {
    const r = await report(
      [file("d/x", 5), file("d/y", 7)],
      [file("d/.wh..wh..opq", 0), file("d/z", 4), file("d/x", 2)],
    );
    expect(waste(r, "deleted", 0)).toBe(12);
    expect(r.layers[1]?.files).toEqual({ added: 2, modified: 0, removed: 2 });
    expect(r.summary).toMatchObject({ storedBytes: 18, finalBytes: 6, wastedBytes: 12 });
  });

  it("keeps hard-linked content alive while one link remains, and counts it once", async () => {
    const base = [file("a", 100), { name: "b", type: "link", linkname: "a" } as Member];
    const linked = await report(base);
    expect(linked.summary).toMatchObject({ finalBytes: 100, finalFiles: 2 });
    expect(linked.largestFiles).toEqual([{ path: "/a", bytes: 100, layer: 0 }]);
    const one = await report(base, [file(".wh.a", 0)]);
    expect(one.summary).toMatchObject({ storedBytes: 100, finalBytes: 100, wastedBytes: 0 });
    expect(one.largestFiles).toEqual([{ path: "/b", bytes: 100, layer: 0 }]);
    const both = await report(base, [file(".wh.a", 0)], [file(".wh.b", 0)]);
    expect(waste(both, "deleted", 0)).toBe(100);
    expect(both.layers[0]?.waste[0]?.largest).toEqual([{ path: "/b", bytes: 100 }]);
  });

  it("counts a file replaced by a directory as deleted", async () => {
    const r = await report([file("a", 10)], [file("a/b", 2)]);
    expect(waste(r, "deleted", 0)).toBe(10);
    expect(r.layers[1]?.files).toEqual({ added: 1, modified: 0, removed: 1 });
  });

  it("counts a path written twice in one layer once, the first copy as overwritten", async () => {
    const r = await report([file("a", 6), file("a", 2)]);
    expect(r.layers[0]?.files).toEqual({ added: 1, modified: 0, removed: 0 });
    expect(waste(r, "overwritten", 0)).toBe(6);
    expect(r.summary.finalBytes).toBe(2);
  });

  it("follows a symlinked parent directory, as tar extraction does", async () => {
    const r = await report(
      [{ name: "lib", type: "symlink", linkname: "usr/lib" }, file("usr/lib/x", 3)],
      [file("lib/x", 5)],
    );
    expect(r.layers[1]?.files).toEqual({ added: 0, modified: 1, removed: 0 });
    expect(waste(r, "overwritten", 0)).toBe(3);
    expect(r.largestFiles).toEqual([{ path: "/usr/lib/x", bytes: 5, layer: 1 }]);
  });

  it("names each cache left in the final view as its own category with a hint", async () => {
    const r = await report(
      [file("var/lib/apt/lists/Packages", 50), file("tmp/build.log", 2)],
      [file("var/cache/apk/APKINDEX.tar.gz", 9), file("root/.cache/pip/wheel", 4)],
    );
    expect(waste(r, "apt-lists", 0)).toBe(50);
    expect(waste(r, "tmp", 0)).toBe(2);
    expect(waste(r, "apk-cache", 1)).toBe(9);
    expect(waste(r, "pip-cache", 1)).toBe(4);
    expect(r.summary.wastedBytes).toBe(65);
    expect(r.summary.efficiency).toBe(1);
    expect(r.summary.waste.map((w) => w.category)).toEqual([
      "apt-lists",
      "apk-cache",
      "pip-cache",
      "tmp",
    ]);
    expect(r.summary.waste[0]?.hint).toMatch(/rm -rf \/var\/lib\/apt\/lists/);
  });

  it("lists the largest files and directories of the final view", async () => {
    const r = await report([file("a/b/big", 30), file("a/small", 5), file("c/mid", 10)]);
    expect(r.largestFiles.map((f) => f.path)).toEqual(["/a/b/big", "/c/mid", "/a/small"]);
    expect(r.largestDirectories).toEqual([
      { path: "/a", bytes: 35 },
      { path: "/a/b", bytes: 30 },
      { path: "/c", bytes: 10 },
    ]);
    const one = buildLayersReport(
      { source: { kind: "t", target: "t" }, indexes: await layers([file("x", 1)]), packages: [] },
      { top: 0 },
    );
    expect(one.largestFiles).toEqual([]);
  });

  it("ends with the same final view as the scan's file tree", async () => {
    const indexes = await layers(
      [file("a/x", 3), { name: "l", type: "symlink", linkname: "a" }, file("b/y", 4)],
      [file("a/.wh.x", 0), file("l/z", 2), file("b", 1)],
      [file(".wh..wh..opq", 0), file("c", 7)],
    );
    const r = buildLayersReport({ source: { kind: "t", target: "t" }, indexes, packages: [] });
    expect(r.summary.finalFiles).toBe(nonDirectories(indexes).length);
    expect(r.summary.finalBytes).toBe(7);
    expect(r.layers.map((l) => l.files)).toEqual([
      { added: 3, modified: 0, removed: 0 },
      { added: 1, modified: 1, removed: 2 },
      { added: 1, modified: 0, removed: 3 },
    ]);
  });
});

/** Non-directory paths of the scan's squashed tree. */
function nonDirectories(indexes: LayerIndex[]): string[] {
  const tree = new FileTree();
  for (const index of indexes) tree.applyLayer(index);
  return [...tree.walk()].filter(([, node]) => node.type !== "dir").map(([path]) => path);
}
