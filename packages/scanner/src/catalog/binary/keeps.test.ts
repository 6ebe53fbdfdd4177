/**
 * The second look at wanted bytes: catalogers that want every executable keep only those that
 * can hold what they read, and the layer reader drops the rest while still listing the file;
 * what is kept of a binary is the record its one reader condensed it to, which that reader
 * reads to the same result as the binary.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createCapturePolicy } from "../../capture-policy.js";
import { createLayerIndex, readLayerTar } from "../../filetree/layer-reader.js";
import { readLayer, tarBytes } from "../../filetree/tar-helper.fixture.js";
import type { CapturePolicy } from "../../filetree/types.js";
import { condenseBuildInfo, readBuildInfo } from "../go/buildinfo.js";
import { goCataloger } from "../go/go-cataloger.js";
import { pointerLayoutElf } from "../go/testdata/synthetic-elf.js";
import { catalogers } from "../registry.js";
import { fileProbes } from "../runtime/file-probes.js";
import { condenseAuditable, readAuditableCrates } from "../rust/auditable.js";
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
      keep: (_path, content) => (content.toString() === "keep me" ? content : undefined),
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

/** A cargo-auditable dependency list in its documented JSON shape, compressed as it is stored. */
const depV0 = deflateSync(
  JSON.stringify({
    packages: [
      { name: "tool", version: "0.1.0", source: "local", dependencies: [1], root: true },
      { name: "itoa", version: "1.0.11", source: "crates.io" },
    ],
  }),
);
const auditableElf = writeElf([
  { name: ".text", data: Buffer.alloc(4096, 0x90) },
  { name: ".dep-v0", data: depV0 },
]);
/** 1 MiB of filler around the release URL an official Node.js binary embeds. */
const nodeBinary = Buffer.concat([
  Buffer.alloc(512 * 1024, 0x41),
  Buffer.from("https://nodejs.org/download/release/v20.11.1/node-v20.11.1-headers.tar.gz\0"),
  Buffer.alloc(512 * 1024, 0x42),
]);

describe("condensed records", () => {
  it("a Go binary's bare build info reads as the binary does, in both layouts", () => {
    const pointer = pointerLayoutElf("go1.16.15", "path\tx\nmod\tx\tv1.0.0\th1:abc=\n");
    for (const binary of [goBinary, pointer]) {
      const record = condenseBuildInfo(binary) as Buffer;
      expect(record.length).toBeLessThan(1024);
      expect(readBuildInfo(record)).toEqual(readBuildInfo(binary));
    }
    expect(readBuildInfo(condenseBuildInfo(goBinary) as Buffer)?.goVersion).toBe("go1.19.8");
    expect(condenseBuildInfo(plainElf)).toBeUndefined();
  });

  it("a Go binary whose build info is corrupt is not condensed, so its error still shows", () => {
    const corrupt = Buffer.from(goBinary);
    const at = corrupt.indexOf(Buffer.from("\xff Go buildinf:", "latin1"));
    corrupt.fill(0xff, at + 32, at + 40);
    expect(condenseBuildInfo(corrupt)).toBeUndefined();
    expect(goCataloger.condense("/usr/bin/hello", corrupt)).toBeUndefined();
  });

  it("a cargo-auditable binary's bare section reads as the binary does", () => {
    const record = condenseAuditable(auditableElf) as Buffer;
    expect(record.length).toBeLessThan(depV0.length + 32);
    expect(readAuditableCrates(record)).toEqual(readAuditableCrates(auditableElf));
    expect(readAuditableCrates(record)?.map((c) => c.name)).toEqual(["tool", "itoa"]);
    expect(condenseAuditable(plainElf)).toBeUndefined();
  });

  it("the Node.js binary is held as the 55 bytes its version is read from", () => {
    const probe = fileProbes.find((p) => p.matches("/usr/local/bin/node"));
    const record = probe?.condense?.(nodeBinary) as Buffer;
    expect(record.toString("latin1")).toBe(
      "/download/release/v20.11.1/node-v20.11.1-headers.tar.gz",
    );
    expect(probe?.read(record, "/usr/local/bin/node")).toEqual(
      probe?.read(nodeBinary, "/usr/local/bin/node"),
    );
    expect(probe?.read(record, "/usr/local/bin/node")?.version).toBe("20.11.1");
  });

  it("the scan's policy holds each binary's record, and a binary two readers keep whole", async () => {
    const goAndRust = Buffer.concat([goBinary, Buffer.from(".dep-v0")]);
    const tar = await tarBytes([
      { name: "usr/local/bin/hello", body: goBinary },
      { name: "usr/local/bin/tool", body: auditableElf },
      { name: "usr/local/bin/node", body: nodeBinary },
      { name: "usr/bin/plain", body: plainElf },
      { name: "usr/bin/both", body: goAndRust },
    ]);
    const index = await readLayer(tar, 0, createCapturePolicy(catalogers));
    const held = Object.fromEntries([...index.captured].map(([path, bytes]) => [path, bytes]));
    expect(Object.keys(held).sort()).toEqual([
      "/usr/bin/both",
      "/usr/local/bin/hello",
      "/usr/local/bin/node",
      "/usr/local/bin/tool",
    ]);
    expect(held["/usr/local/bin/hello"]).toEqual(condenseBuildInfo(goBinary));
    expect(held["/usr/local/bin/tool"]).toEqual(condenseAuditable(auditableElf));
    expect(held["/usr/local/bin/node"]?.length).toBe(55);
    expect(held["/usr/bin/both"]?.length).toBe(goAndRust.length);
  });
});
