/**
 * Squashing many files with many kept ones stays right at scale. Its speed is measured by
 * `npm run bench`, not here: a wall-clock bound fails on a busy machine and proves nothing on
 * a quiet one. The test timeout still ends a squash gone quadratic (it once took seconds, when
 * every entry scanned every kept path for versions to forget).
 */
import { describe, expect, it } from "vitest";
import { FileTree } from "./file-tree.js";
import { createLayerIndex } from "./layer-reader.js";
import { layers } from "./tar-helper.fixture.js";

function bigLayer(layerIndex: number, files: number, keepEvery: number) {
  const layer = createLayerIndex(layerIndex);
  for (let i = 0; i < files; i++) {
    const path = `/usr/share/pkg-${i % 600}/file-${i}`;
    layer.entries.push({ path, type: "file", size: 1, mode: 0o644 });
    if (i % keepEvery === 0) layer.captured.set(path, Buffer.from(`${layerIndex}`));
  }
  return layer;
}

describe("FileTree at scale", () => {
  it("squashes two layers of 60,000 files with 6,000 kept", () => {
    const tree = new FileTree();
    tree.applyLayer(bigLayer(0, 60_000, 10));
    tree.applyLayer(bigLayer(1, 60_000, 10));
    expect([...tree.capturedFiles()]).toHaveLength(6_000);
    expect(tree.versions("/usr/share/pkg-0/file-0").map((v) => v.layerIndex)).toEqual([0, 1]);
  });

  it("still forgets the kept files below a directory that a file replaces", () => {
    const tree = new FileTree();
    tree.applyLayer(bigLayer(0, 1_000, 1));
    const layer = createLayerIndex(1);
    layer.entries.push({ path: "/usr/share/pkg-0", type: "file", size: 1, mode: 0o644 });
    tree.applyLayer(layer);
    expect(tree.versions("/usr/share/pkg-0/file-0")).toEqual([]);
    expect(tree.versions("/usr/share/pkg-1/file-1")).toHaveLength(1);
  });
});

describe("directories remembered while a layer is applied", () => {
  it("follows a directory that the same layer turns into a symlink", async () => {
    const [layer] = await layers([
      { name: "opt/app/a", body: "1" },
      { name: "srv/app/", type: "directory" },
      { name: "opt/app", type: "symlink", linkname: "/srv/app" },
      { name: "opt/app/b", body: "2" },
    ]);
    const tree = new FileTree();
    tree.applyLayer(layer as NonNullable<typeof layer>);
    expect(tree.lstat("/opt/app")?.type).toBe("symlink");
    expect(tree.lstat("/srv/app/b")?.type).toBe("file");
    expect(tree.read("/opt/app/b")?.toString()).toBe("2");
    expect(tree.lstat("/srv/app/a")).toBeUndefined();
  });

  it("makes a directory again where the same layer put a file over it", async () => {
    const [layer] = await layers([
      { name: "etc/conf/x", body: "1" },
      { name: "etc/conf", body: "flat" },
      { name: "etc/conf/y", body: "2" },
    ]);
    const tree = new FileTree();
    tree.applyLayer(layer as NonNullable<typeof layer>);
    expect(tree.lstat("/etc/conf")?.type).toBe("dir");
    expect(tree.read("/etc/conf/y")?.toString()).toBe("2");
    expect(tree.lstat("/etc/conf/x")).toBeUndefined();
  });
});
