/**
 * Streaming writers of hostile layer blobs. Every blob goes straight to a file through a hash,
 * so a layer of a million entries or of gigabytes of zeros never sits in memory, and the
 * inflated bytes of a bomb are never written anywhere: the bomb is built from one compressed
 * chunk of zeros repeated (gzip members concatenate, zstd RLE blocks are four bytes each).
 */
import { createHash, type Hash } from "node:crypto";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip, gzipSync } from "node:zlib";
import { type Header, pack } from "tar-stream";

/** A blob written to disk with what a manifest and config say of it. */
export interface BuiltBlob {
  path: string;
  /** sha256 of the stored (maybe compressed) bytes. */
  digest: string;
  size: number;
  /** sha256 of the uncompressed tar. */
  diffId: string;
  compression: "none" | "gzip" | "zstd";
}

/** One entry of a hostile layer; `body` for files, `linkname` for links. */
export interface HostileEntry {
  name: string;
  type?: "file" | "directory" | "symlink" | "link";
  linkname?: string;
  body?: string | Buffer;
  pax?: Record<string, string>;
}

const GiB = 2 ** 30;
const CHUNK = 1 << 20;

function sha256(hash: Hash): string {
  return `sha256:${hash.digest("hex")}`;
}

/** A pass-through that hashes and counts what flows by. */
function tap(): Transform & { hash: Hash; bytes: number } {
  const hash = createHash("sha256");
  const t = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      (t as { bytes: number }).bytes += chunk.length;
      done(null, chunk);
    },
  }) as Transform & { hash: Hash; bytes: number };
  t.hash = hash;
  t.bytes = 0;
  return t;
}

/**
 * Writes a tar of `entries` (any number: an iterable is consumed as the file is written, with
 * back-pressure) to `path`, gzip-compressed when asked.
 */
export async function writeLayer(
  path: string,
  entries: Iterable<HostileEntry>,
  compression: "none" | "gzip" = "none",
): Promise<BuiltBlob> {
  const archive = pack();
  const raw = tap();
  const stored = tap();
  const stages: (Transform | Writable)[] = [coalesce(), raw];
  if (compression === "gzip") stages.push(createGzip({ level: 1 }));
  const streams = [archive, ...stages, stored, createWriteStream(path)];
  const written = pipeline(streams as unknown as NodeJS.ReadWriteStream[]);
  let n = 0;
  for (const e of entries) {
    const added = addEntry(archive, e);
    // Waiting on every entry costs more than writing it; every 1,000th keeps memory flat.
    if (++n % 1000 === 0) await added;
  }
  archive.finalize();
  await written;
  return blob(path, stored, raw, compression);
}

/** Joins tar-stream's 512-byte pushes into 1 MiB chunks, so hashing and gzip run per MiB. */
function coalesce(): Transform {
  let held: Buffer[] = [];
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      held.push(chunk);
      size += chunk.length;
      if (size < CHUNK) return done();
      const joined = Buffer.concat(held);
      held = [];
      size = 0;
      done(null, joined);
    },
    flush(done) {
      done(null, Buffer.concat(held));
    },
  });
}

function addEntry(archive: ReturnType<typeof pack>, e: HostileEntry): Promise<void> {
  const type = e.type ?? "file";
  // tar-stream writes `pax` records for a header that has them, though its types omit the field.
  const header = { name: e.name, type, linkname: e.linkname, pax: e.pax, mode: 0o644 } as Header;
  // Links and directories carry no body; tar-stream writes none for an empty string.
  const body = type === "file" ? (e.body ?? "") : "";
  return new Promise((resolve, reject) =>
    archive.entry(header, body, (err) => (err ? reject(err) : resolve())),
  );
}

function blob(
  path: string,
  stored: { hash: Hash; bytes: number },
  raw: { hash: Hash },
  compression: BuiltBlob["compression"],
): BuiltBlob {
  return {
    path,
    digest: sha256(stored.hash),
    size: stored.bytes,
    diffId: sha256(raw.hash),
    compression,
  };
}

/** `count` empty files spread over directories of 1,000, as `d<i>/f<j>`. */
export function* emptyFiles(count: number): Generator<HostileEntry> {
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 0) yield { name: `d${i / 1000}/`, type: "directory" };
    yield { name: `d${Math.floor(i / 1000)}/f${i % 1000}` };
  }
}

/** The header block(s) tar-stream writes for a file of `size` bytes (base-256 past 8 GiB). */
async function fileHeader(name: string, size: number): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (c: unknown) => chunks.push(c as Buffer));
  archive.entry({ name, size, mode: 0o644 });
  await new Promise((r) => setImmediate(r));
  archive.destroy();
  return Buffer.concat(chunks);
}

/** A bomb file: its path in the layer and how many bytes of zeros it holds. */
export interface BombFile {
  name: string;
  bytes: number;
}

/**
 * A layer of files full of zeros, `files[i].bytes` each, then `trailingZeros` bytes of zeros
 * (the end-of-archive blocks and whatever follows them), as gzip or zstd. Only the compressed
 * form is written (about 1 MiB per GiB for gzip, 32 KiB per GiB for zstd); the diff ID is
 * hashed over the zeros in memory, chunk by chunk, never stored.
 */
export async function writeBomb(
  path: string,
  files: BombFile[],
  compression: "gzip" | "zstd",
  trailingZeros = 1024,
): Promise<BuiltBlob> {
  const out = createWriteStream(path);
  const stored = { hash: createHash("sha256"), bytes: 0 };
  const raw = { hash: createHash("sha256") };
  const encoder = compression === "gzip" ? gzipEncoder() : zstdEncoder();
  const put = async (bytes: Buffer) => {
    stored.hash.update(bytes);
    stored.bytes += bytes.length;
    if (!out.write(bytes)) await once(out, "drain");
  };
  await put(encoder.start());
  for (const file of files) {
    const header = await fileHeader(file.name, file.bytes);
    raw.hash.update(header);
    await put(encoder.literal(header));
    await writeZeros(file.bytes + padding(file.bytes), raw.hash, encoder, put);
  }
  // Two zero blocks end a tar; a bomb with no files is nothing but this end, gigabytes long.
  await writeZeros(trailingZeros, raw.hash, encoder, put);
  await put(encoder.end());
  out.end();
  await once(out, "finish");
  return blob(path, stored, raw, compression);
}

async function writeZeros(
  bytes: number,
  raw: Hash,
  encoder: Encoder,
  put: (b: Buffer) => Promise<void>,
): Promise<void> {
  const zeros = Buffer.alloc(CHUNK);
  for (let left = bytes; left > 0; left -= CHUNK) {
    const n = Math.min(CHUNK, left);
    raw.update(n === CHUNK ? zeros : zeros.subarray(0, n));
    await put(encoder.zeros(n));
  }
}

function padding(size: number): number {
  return (512 - (size % 512)) % 512;
}

interface Encoder {
  start(): Buffer;
  literal(bytes: Buffer): Buffer;
  zeros(n: number): Buffer;
  end(): Buffer;
}

/** Concatenated gzip members (RFC 1952 §2.2): one per chunk, the zero chunk compressed once. */
function gzipEncoder(): Encoder {
  const full = gzipSync(Buffer.alloc(CHUNK), { level: 9 });
  return {
    start: () => Buffer.alloc(0),
    literal: (bytes) => gzipSync(bytes),
    zeros: (n) => (n === CHUNK ? full : gzipSync(Buffer.alloc(n), { level: 9 })),
    end: () => Buffer.alloc(0),
  };
}

/**
 * One zstd frame (RFC 8878 §3.1.1) of raw blocks for headers and RLE blocks of zeros, 128 KiB
 * each, so a GiB of zeros costs 32 KiB. No content size, no checksum; a 128 KiB window.
 */
function zstdEncoder(): Encoder {
  const MAX_BLOCK = 128 << 10;
  const blockHeader = (size: number, type: 0 | 1, last: boolean) => {
    const value = (size << 3) | (type << 1) | (last ? 1 : 0);
    return Buffer.from([value & 0xff, (value >> 8) & 0xff, (value >> 16) & 0xff]);
  };
  return {
    start: () => Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, (17 - 10) << 3]),
    literal: (bytes) => Buffer.concat([blockHeader(bytes.length, 0, false), bytes]),
    zeros(n) {
      const blocks: Buffer[] = [];
      for (let left = n; left > 0; left -= MAX_BLOCK) {
        blocks.push(blockHeader(Math.min(MAX_BLOCK, left), 1, false), Buffer.from([0]));
      }
      return Buffer.concat(blocks);
    },
    end: () => blockHeader(0, 0, true),
  };
}

export { GiB };
