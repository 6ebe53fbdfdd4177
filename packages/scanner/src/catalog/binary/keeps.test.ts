/**
 * The second look at wanted bytes: catalogers that want every executable keep only those that
 * can hold what they read, and the layer reader drops the rest while still listing the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLayer, tarBytes } from "../../filetree/tar-helper.fixture.js";
import type { CapturePolicy } from "../../filetree/types.js";
import { goCataloger } from "../go/go-cataloger.js";
import { pointerLayoutElf } from "../go/testdata/synthetic-elf.js";
import { rustCataloger } from "../rust/rust-cataloger.js";
import { writeElf } from "./testdata/elf-writer.js";

const goBinary = readFileSync(join(import.meta.dirname, "../go/testdata/hello-go-linux-amd64"));
const plainElf = writeElf([{ name: ".text", data: Buffer.from("no build info here") }]);

describe("catalogers' second look at executables", () => {
  it("go keeps Go executables and its module files, not other binaries", () => {
    expect(goCataloger.keeps("/usr/local/bin/hello", goBinary)).toBe(true);
    expect(goCataloger.keeps("/usr/local/bin/app", pointerLayoutElf("go1.22.1", "path\tx\n"))).toBe(
      true,
    );
    expect(goCataloger.keeps("/usr/bin/plain", plainElf)).toBe(false);
    expect(goCataloger.keeps("/src/go.mod", Buffer.from("module x\n"))).toBe(true);
  });

  it("rust keeps binaries naming a .dep-v0 section and every Cargo.lock", () => {
    const auditable = writeElf([{ name: ".dep-v0", data: Buffer.from([0x78, 0x9c, 0x03, 0x00]) }]);
    expect(rustCataloger.keeps("/usr/bin/tool", auditable)).toBe(true);
    expect(rustCataloger.keeps("/usr/bin/plain", plainElf)).toBe(false);
    expect(rustCataloger.keeps("/app/Cargo.lock", Buffer.from(""))).toBe(true);
  });
});

describe("readLayerTar with a policy that keeps", () => {
  it("lists a dropped file but holds no bytes for it", async () => {
    const policy: CapturePolicy = {
      wants: () => true,
      maxSize: () => 1 << 20,
      keeps: (_path, content) => content.toString() === "keep me",
    };
    const tar = await tarBytes([
      { name: "usr/bin/a", body: "keep me" },
      { name: "usr/bin/b", body: "drop me" },
    ]);
    const index = await readLayer(tar, 0, policy);
    expect(index.entries.map((e) => e.path)).toEqual(["/usr/bin/a", "/usr/bin/b"]);
    expect([...index.captured.keys()]).toEqual(["/usr/bin/a"]);
  });
});
