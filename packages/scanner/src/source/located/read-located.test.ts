import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { DigestMismatchError } from "../../errors.js";
import { createLayerIndex, readLayerTar } from "../../filetree/layer-reader.js";
import { tarBytes } from "../../filetree/tar-helper.fixture.js";
import type { CapturePolicy, LayerIndex } from "../../filetree/types.js";
import type { LayerInfo } from "../../types.js";
import { indexLocatedLayer } from "./read-located.js";

const dir = mkdtempSync(join(tmpdir(), "lading-located-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Keeps files under /etc, so the big bodies elsewhere are passed over, some by seeking. */
const etcOnly: CapturePolicy = {
  wants: (p) => p.startsWith("/etc/"),
  maxSize: () => 4 << 20,
  // A big file ruled out by its first bytes is passed over, by seeking where the reader can.
  keepsHead: (_p, head) => head[0] !== 0x21,
};

/** A layer whose bodies are long enough that the reader seeks over them. */
async function layerTar(): Promise<Buffer> {
  const big = randomBytes(3 << 20).toString("base64");
  return tarBytes([
    { name: "etc/os-release", body: "ID=debian\n" },
    { name: "usr/lib/big-1", body: big },
    { name: "etc/in-between", body: "kept" },
    { name: "usr/lib/big-2", body: big.slice(1000) },
    { name: "usr/lib/small", body: "s".repeat(700) },
    { name: "etc/ruled-out", body: `!${big}` },
    { name: "etc/last", body: "last" },
  ]);
}

/** Writes `blob` between junk bytes, as a blob lies inside an archive, and describes it. */
function place(
  blob: Buffer,
  diffId: string,
): { info: LayerInfo; location: { path: string; offset: number; length: number } } {
  const path = join(dir, `${createHash("sha256").update(blob).digest("hex")}.bin`);
  const before = randomBytes(1536);
  writeFileSync(path, Buffer.concat([before, blob, randomBytes(999)]));
  const digest = `sha256:${createHash("sha256").update(blob).digest("hex")}`;
  return {
    info: { index: 2, digest, diffId, size: blob.length },
    location: { path, offset: before.length, length: blob.length },
  };
}

async function streamed(tar: Buffer): Promise<LayerIndex> {
  return readLayerTar(Readable.from([tar]), createLayerIndex(2), etcOnly, "sha256:x");
}

describe("indexLocatedLayer", () => {
  it("reads a plain tar in place to the same index as streaming it", async () => {
    const tar = await layerTar();
    const { info, location } = place(tar, "sha256:x");
    const index = await indexLocatedLayer(info, location, etcOnly);
    expect(index).toEqual(await streamed(tar));
    expect([...index.captured.keys()]).toEqual(["/etc/os-release", "/etc/in-between", "/etc/last"]);
    expect(index.captured.get("/etc/last")?.toString()).toBe("last");
  });

  it("reads a gzip layer through its decompressor, the digest being the compressed one's", async () => {
    const tar = await layerTar();
    const { info, location } = place(gzipSync(tar), "sha256:x");
    expect(await indexLocatedLayer(info, location, etcOnly)).toEqual(await streamed(tar));
  });

  it("fails on a changed byte in a body it never read itself", async () => {
    const tar = await layerTar();
    const { info, location } = place(tar, "sha256:x");
    const tampered = Buffer.from(tar);
    tampered[2 << 20] = (tampered[2 << 20] as number) ^ 1;
    writeFileSync(location.path, Buffer.concat([randomBytes(1536), tampered]));
    await expect(indexLocatedLayer(info, location, etcOnly)).rejects.toThrow(DigestMismatchError);
  });

  it("fails when the file ends before the blob does", async () => {
    const tar = await layerTar();
    const { info, location } = place(tar, "sha256:x");
    writeFileSync(location.path, Buffer.concat([randomBytes(1536), tar.subarray(0, 4096)]));
    await expect(indexLocatedLayer(info, location, etcOnly)).rejects.toThrow(/size is 4096 bytes/);
  });

  it("keeps what a corrupt tar held before the damage, as an unknown, when the digest agrees", async () => {
    const tar = Buffer.from(await layerTar());
    tar.fill(0x41, 1024, 1536); // the second header
    const { info, location } = place(tar, "sha256:x");
    const index = await indexLocatedLayer(info, location, etcOnly);
    expect(index.captured.get("/etc/os-release")?.toString()).toBe("ID=debian\n");
    expect(index.unknowns).toEqual([
      expect.objectContaining({
        path: "/",
        layer: "sha256:x",
        reason: expect.stringMatching(/checksum/),
      }),
    ]);
  });
});
