/**
 * The second look at wanted bytes: catalogers that want every executable keep only those that
 * can hold what they read, and the layer reader drops the rest while still listing the file.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLayerIndex, readLayerTar } from "../../filetree/layer-reader.js";
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

describe("the first look at a wanted file's head", () => {
  it("go and rust read on only executables and their own manifests", () => {
    const script = Buffer.from("#!/bin/sh\nexec true\n");
    for (const cataloger of [goCataloger, rustCataloger]) {
      expect(cataloger.keepsHead("/usr/bin/tool", goBinary.subarray(0, 64))).toBe(true);
      expect(cataloger.keepsHead("/usr/bin/tool", plainElf.subarray(0, 64))).toBe(true);
      expect(cataloger.keepsHead("/usr/bin/run", script)).toBe(false);
      expect(cataloger.keepsHead("/zeros", Buffer.alloc(64))).toBe(false);
    }
    expect(goCataloger.keepsHead("/src/go.mod", Buffer.from("module x\n"))).toBe(true);
    expect(rustCataloger.keepsHead("/app/Cargo.lock", Buffer.from("# lock"))).toBe(true);
  });

  it("stops reading a file its head rules out, and reads on after it", async () => {
    const policy: CapturePolicy = {
      wants: () => true,
      maxSize: () => 64 << 20,
      keepsHead: (_path, head) => head.subarray(0, 4).toString("latin1") === "\x7fELF",
    };
    const tar = await tarBytes([
      { name: "usr/bin/zeros", body: "\0".repeat(3 << 20) },
      { name: "usr/bin/elf", body: `\x7fELF${"x".repeat(100)}` },
      { name: "usr/bin/short", body: "ab" },
    ]);
    for (const chunk of [1000, tar.length]) {
      const pieces: Buffer[] = [];
      for (let at = 0; at < tar.length; at += chunk) pieces.push(tar.subarray(at, at + chunk));
      const index = await readLayerTar(
        Readable.from(pieces),
        createLayerIndex(0),
        policy,
        "layer-0",
      );
      expect(index.entries.map((e) => e.path)).toEqual([
        "/usr/bin/zeros",
        "/usr/bin/elf",
        "/usr/bin/short",
      ]);
      expect([...index.captured.keys()]).toEqual(["/usr/bin/elf"]);
      expect(index.captured.get("/usr/bin/elf")?.length).toBe(104);
    }
  });
});
