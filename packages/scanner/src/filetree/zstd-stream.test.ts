import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { detectCompression } from "./decompress.js";
import { tarBytes } from "./tar-helper.fixture.js";
import { inflateZstd } from "./zstd-stream.js";

/** Compresses with the zstd command (it is skopeo's dependency here, so always present). */
function zstd(bytes: Buffer, ...flags: string[]): Buffer {
  return execFileSync("zstd", ["-c", "-q", ...flags], { input: bytes, maxBuffer: 1 << 30 });
}

async function inflateAll(bytes: Buffer, chunk = bytes.length): Promise<Buffer> {
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunk) pieces.push(bytes.subarray(at, at + chunk));
  const out: Buffer[] = [];
  for await (const piece of inflateZstd(Readable.from(pieces))) out.push(piece as Buffer);
  return Buffer.concat(out);
}

/** A skippable frame (RFC 8878 §3.1.2) holding `data`. */
function skippable(data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32LE(0x184d2a53, 0);
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data]);
}

/** One frame of `blocks` RLE blocks of 128 KiB of zeros: 4 bytes each, written by hand. */
function rleBomb(blocks: number): Buffer {
  // No content size, no checksum, a 128 KiB window (exponent 7).
  const parts = [Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x38])];
  for (let i = 0; i < blocks; i++) {
    const header = ((128 << 10) << 3) | (1 << 1) | (i === blocks - 1 ? 1 : 0);
    const block = Buffer.alloc(4);
    block.writeUIntLE(header, 0, 3);
    parts.push(block);
  }
  return Buffer.concat(parts);
}

describe("inflateZstd", () => {
  it("inflates what the zstd command writes, at every level and chunk size", async () => {
    const tar = await tarBytes([
      { name: "etc/os-release", body: "ID=debian\n".repeat(500) },
      { name: "usr/lib/random", body: randomBytes(60_000).toString("hex") },
    ]);
    for (const flags of [["-1"], ["-19"], ["--no-check"], ["-3", "--content-size"]]) {
      const packed = zstd(tar, ...flags);
      for (const chunk of [7, 4096, packed.length]) {
        expect((await inflateAll(packed, chunk)).equals(tar), `${flags} by ${chunk}`).toBe(true);
      }
    }
  });

  it("inflates frames one after another, skippable frames among them", async () => {
    const a = randomBytes(300_000);
    const b = Buffer.from("second frame\n".repeat(10_000));
    const packed = Buffer.concat([skippable(Buffer.from("meta")), zstd(a), zstd(b, "-9")]);
    expect((await inflateAll(packed, 1000)).equals(Buffer.concat([a, b]))).toBe(true);
  });

  it("refuses a frame that asks for a window over 128 MiB, before the decoder allocates it", async () => {
    const huge = zstd(Buffer.from("small"), "--long=30", "--no-content-size", "-q");
    await expect(inflateAll(huge)).rejects.toThrow(/window, over the 128 MiB limit/);
    const fits = zstd(Buffer.from("small"), "--long=27", "--no-content-size");
    expect((await inflateAll(fits)).toString()).toBe("small");
  });

  it("is told from a plain tar by a skippable frame at its start", async () => {
    const packed = Buffer.concat([skippable(Buffer.from("meta")), zstd(Buffer.from("tar"))]);
    expect(detectCompression(packed.subarray(0, 4))).toBe("zstd");
    expect(detectCompression(Buffer.from("ustar"))).toBe("none");
  });

  it("fails on a stream that breaks off or is not zstd", async () => {
    const packed = zstd(randomBytes(100_000));
    await expect(inflateAll(packed.subarray(0, packed.length - 10))).rejects.toThrow();
    await expect(inflateAll(Buffer.from("not zstd at all"))).rejects.toThrow(/bad magic/);
  });

  it("inflates 256 MiB of zeros from 8 KiB only as fast as it is read", async () => {
    const bomb = rleBomb(2048);
    expect(bomb.length).toBeLessThan(9000);
    const stream = inflateZstd(Readable.from([bomb]));
    let total = 0;
    let buffered = 0;
    for await (const piece of stream) {
      total += (piece as Buffer).length;
      buffered = Math.max(buffered, stream.readableLength);
    }
    expect(total).toBe(256 << 20);
    // What waits for the reader is at most a slice's output, never the whole inflated stream.
    expect(buffered).toBeLessThanOrEqual(1 << 20);
  });
});
