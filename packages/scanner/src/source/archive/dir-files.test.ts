import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ImageFormatError } from "../../errors.js";
import { createDirFiles } from "./dir-files.js";

/** A layout dir with one real blob, and a file beside the layout that it must not reach. */
function layout() {
  const root = mkdtempSync(join(tmpdir(), "lading-dir-files-"));
  const dir = join(root, "oci");
  mkdirSync(join(dir, "blobs/sha256"), { recursive: true });
  writeFileSync(join(dir, "blobs/sha256/real"), "inside");
  writeFileSync(join(root, "outside"), "host file");
  return { root, dir };
}

describe("createDirFiles", () => {
  it("reads a blob that is a symlink to another file of the layout", async () => {
    const { dir } = layout();
    symlinkSync("real", join(dir, "blobs/sha256/alias"));
    const files = createDirFiles(dir);
    expect((await files.read("blobs/sha256/alias")).toString()).toBe("inside");
  });

  it("takes a blob linked to a file outside the layout as missing, never reading it", async () => {
    const { root, dir } = layout();
    symlinkSync(join(root, "outside"), join(dir, "blobs/sha256/abs"));
    symlinkSync("../../../outside", join(dir, "blobs/sha256/rel"));
    symlinkSync("/etc/passwd", join(dir, "blobs/sha256/host"));
    const files = createDirFiles(dir);
    for (const name of ["blobs/sha256/abs", "blobs/sha256/rel", "blobs/sha256/host"]) {
      expect(await files.size(name)).toBeUndefined();
      expect(await files.locate?.(name)).toBeUndefined();
      await expect(files.read(name)).rejects.toThrow(ImageFormatError);
      await expect(files.open(name)).rejects.toThrow(/has no blobs\/sha256/);
    }
  });

  it("takes a blobs directory linked out of the layout, and names with .., as missing", async () => {
    const { root } = layout();
    const other = join(root, "other");
    mkdirSync(other);
    symlinkSync(join(root, "oci/blobs"), join(other, "blobs"));
    const files = createDirFiles(other);
    expect(await files.size("blobs/sha256/real")).toBeUndefined();
    expect(await createDirFiles(join(root, "oci")).size("../outside")).toBeUndefined();
  });
});
