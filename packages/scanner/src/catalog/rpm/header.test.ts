import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bdbFormat } from "./bdb.js";
import { HeaderError, parseHeader } from "./header.js";
import { readRpmRecord } from "./rpm-record.js";

const TESTDATA = join(import.meta.dirname, "testdata");

/** The real header blob of syft's single-package Berkeley DB ("dive"). */
function realBlob(): Buffer {
  const db = readFileSync(join(TESTDATA, "syft-Packages-bdb/Packages"));
  const blobs = bdbFormat.read(db, () => {});
  expect(blobs).toHaveLength(1);
  return Buffer.from((blobs[0] as { blob: Buffer }).blob);
}

const NAME_TAG = 1000;

/** Index of the entry for `tag` in a header blob. */
function entryOf(blob: Buffer, tag: number): number {
  for (let i = 0; i < blob.readInt32BE(0); i++) {
    if (blob.readInt32BE(8 + i * 16) === tag) return 8 + i * 16;
  }
  throw new Error(`no tag ${tag}`);
}

describe("rpm header", () => {
  it("reads the tags of a real header", () => {
    const record = readRpmRecord(realBlob());
    expect(record).toMatchObject({ name: "dive", version: "0.9.2", release: "1", arch: "x86_64" });
    expect(record.files).toContain("/usr/local/bin/dive");
  });

  it("rejects a blob shorter than its declared index and data", () => {
    const blob = realBlob();
    expect(() => parseHeader(blob.subarray(0, blob.length - 1))).toThrow(HeaderError);
    expect(() => parseHeader(blob.subarray(0, 4))).toThrow(/too short/);
  });

  it("rejects an entry pointing outside the data store", () => {
    const blob = realBlob();
    blob.writeInt32BE(0x7ffffff0, entryOf(blob, NAME_TAG) + 8);
    expect(() => parseHeader(blob)).toThrow(/outside/);
  });

  it("rejects a string that runs off the end of the store", () => {
    const blob = realBlob();
    const dataLength = blob.readInt32BE(4);
    const store = 8 + blob.readInt32BE(0) * 16;
    blob.fill(0x41, store + dataLength - 64, store + dataLength);
    blob.writeInt32BE(dataLength - 32, entryOf(blob, NAME_TAG) + 8);
    expect(() => parseHeader(blob)).toThrow(/not terminated/);
  });

  it("rejects absurd counts without allocating for them", () => {
    const blob = Buffer.alloc(16);
    blob.writeInt32BE(0x7fffffff, 0);
    expect(() => parseHeader(blob)).toThrow(/declares/);
  });
});
