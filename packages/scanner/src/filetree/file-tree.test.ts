import { describe, expect, it } from "vitest";
import { PathResolutionError } from "../errors.js";
import { FileTree } from "./file-tree.js";
import { layers } from "./tar-helper.fixture.js";
import type { LayerIndex } from "./types.js";

function squash(indexes: LayerIndex[]): FileTree {
  const tree = new FileTree();
  for (const index of indexes) tree.applyLayer(index);
  return tree;
}

const text = (tree: FileTree, path: string) => tree.read(path)?.toString();

describe("FileTree", () => {
  it("removes what a whiteout names and keeps its siblings", async () => {
    const tree = squash(
      await layers(
        [
          { name: "a/x", body: "x" },
          { name: "a/y", body: "y" },
        ],
        [{ name: "a/.wh.x" }],
      ),
    );
    expect(tree.lstat("/a/x")).toBeUndefined();
    expect(text(tree, "/a/x")).toBeUndefined();
    expect(text(tree, "/a/y")).toBe("y");
  });

  it("hides everything below an opaque directory but what the same layer adds", async () => {
    const tree = squash(
      await layers(
        [
          { name: "d/old", body: "old" },
          { name: "d/sub/deep", body: "deep" },
          { name: "e", body: "e" },
        ],
        [{ name: "d/.wh..wh..opq" }, { name: "d/new", body: "new" }],
      ),
    );
    expect([...(tree.root.children?.get("d")?.children?.keys() ?? [])]).toEqual(["new"]);
    expect(text(tree, "/d/sub/deep")).toBeUndefined();
    expect(text(tree, "/e")).toBe("e");
  });

  it("gives a hard link its target's bytes and size", async () => {
    const tree = squash(
      await layers([
        { name: "bin/busybox", body: "BUSYBOX" },
        { name: "bin/sh", type: "link", linkname: "bin/busybox" },
      ]),
    );
    expect(tree.lstat("/bin/sh")).toMatchObject({ type: "file", size: 7 });
    expect(text(tree, "/bin/sh")).toBe("BUSYBOX");
  });

  it("puts entries below a symlinked parent where the link points", async () => {
    const tree = squash(
      await layers(
        [
          { name: "usr/lib/a", body: "a" },
          { name: "lib", type: "symlink", linkname: "usr/lib" },
        ],
        [{ name: "lib/b", body: "b" }],
      ),
    );
    expect(tree.lstat("/lib")?.type).toBe("symlink");
    expect(text(tree, "/usr/lib/b")).toBe("b");
    expect(text(tree, "/lib/b")).toBe("b");
    expect(tree.realPath("/lib/a")).toBe("/usr/lib/a");
  });

  it("knows the layer that last wrote each path", async () => {
    const tree = squash(
      await layers(
        [
          { name: "etc/f", body: "1" },
          { name: "etc/g", body: "g" },
        ],
        [{ name: "etc/f", body: "2" }],
        [{ name: "etc/h", type: "symlink", linkname: "f" }],
      ),
    );
    expect(tree.get("/etc/f")?.layerIndex).toBe(1);
    expect(tree.get("/etc/g")?.layerIndex).toBe(0);
    expect(tree.lstat("/etc/h")?.layerIndex).toBe(2);
    expect(tree.get("/etc/h")?.layerIndex).toBe(1);
  });

  it("keeps every version of a file since it last appeared", async () => {
    const tree = squash(
      await layers(
        [{ name: "var/db", body: "v0" }],
        [{ name: "var/db", body: "v1" }],
        [{ name: "var/.wh.db" }],
        [{ name: "var/db", body: "v3" }],
        [{ name: "var/db", body: "v4" }],
      ),
    );
    const versions = tree.versions("/var/db").map((v) => [v.layerIndex, v.content.toString()]);
    expect(versions).toEqual([
      [3, "v3"],
      [4, "v4"],
    ]);
    expect(text(tree, "/var/db")).toBe("v4");
  });

  it("lists versions oldest first while the file is never deleted", async () => {
    const tree = squash(
      await layers(
        [{ name: "f", body: "a" }],
        [{ name: "other", body: "o" }],
        [{ name: "f", body: "b" }],
      ),
    );
    expect(tree.versions("/f").map((v) => v.layerIndex)).toEqual([0, 2]);
  });

  it("ends a symlink loop with a PathResolutionError, not a hang", async () => {
    const tree = squash(
      await layers([
        { name: "a", type: "symlink", linkname: "b" },
        { name: "b", type: "symlink", linkname: "a" },
        { name: "self", type: "symlink", linkname: "self/x" },
      ]),
    );
    expect(() => tree.get("/a")).toThrow(PathResolutionError);
    expect(() => tree.read("/self")).toThrow(PathResolutionError);
    expect(tree.lstat("/a")?.type).toBe("symlink");
  });

  it("resolves symlinks that climb out of the root inside the image", async () => {
    const tree = squash(
      await layers([
        { name: "etc/shadow", body: "image shadow" },
        { name: "app/up", type: "symlink", linkname: "../../../../../etc/shadow" },
        { name: "app/abs", type: "symlink", linkname: "/etc/shadow" },
        { name: "app/host", type: "symlink", linkname: "/root/.ssh/id_rsa" },
      ]),
    );
    expect(tree.realPath("/app/up")).toBe("/etc/shadow");
    expect(text(tree, "/app/up")).toBe("image shadow");
    expect(text(tree, "/app/abs")).toBe("image shadow");
    expect(tree.get("/app/host")).toBeUndefined();
  });

  it("skips an entry below a symlink-loop parent with an unknown, and keeps the rest", async () => {
    const indexes = await layers(
      [
        { name: "a", type: "symlink", linkname: "b" },
        { name: "b", type: "symlink", linkname: "a" },
      ],
      [
        { name: "a/file", body: "lost" },
        { name: "ok", body: "ok" },
      ],
    );
    const tree = squash(indexes);
    expect(text(tree, "/ok")).toBe("ok");
    expect(indexes[1]?.unknowns).toEqual([
      { path: "/a", reason: "parent directory is a symlink loop; entry skipped" },
    ]);
  });

  it("applies a whiteout below a symlinked parent to the real directory", async () => {
    const tree = squash(
      await layers(
        [
          { name: "usr/lib/gone", body: "x" },
          { name: "lib", type: "symlink", linkname: "usr/lib" },
        ],
        [{ name: "lib/.wh.gone" }],
      ),
    );
    expect(tree.lstat("/usr/lib/gone")).toBeUndefined();
    expect(tree.versions("/usr/lib/gone")).toEqual([]);
  });
});
