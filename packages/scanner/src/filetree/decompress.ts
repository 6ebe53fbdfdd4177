import type { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { inflateZstd } from "./zstd-stream.js";

/** Compression of a layer blob, told by its first bytes rather than by a media type that lies. */
export type Compression = "gzip" | "zstd" | "none";

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/**
 * Recognises gzip and zstd by their magic numbers; anything else is taken as plain tar. A zstd
 * stream may open with a skippable frame (magic 0x184D2A50 to 0x184D2A5F, RFC 8878 §3.1.2).
 */
export function detectCompression(head: Buffer): Compression {
  if (GZIP_MAGIC.every((b, i) => head[i] === b)) return "gzip";
  if (ZSTD_MAGIC.every((b, i) => head[i] === b)) return "zstd";
  if (head.length >= 4 && (head.readUInt32LE(0) & 0xfffffff0) >>> 0 === 0x184d2a50) return "zstd";
  return "none";
}

/** Returns a stream of the decompressed bytes, sniffing the compression from the first chunk. */
export async function decompress(
  input: Readable,
): Promise<{ stream: Readable; compression: Compression }> {
  const head = await peek(input, 4);
  const compression = detectCompression(head);
  if (compression === "none") return { stream: input, compression };
  if (compression === "zstd") return { stream: inflateZstd(input), compression };
  const inflater = createGunzip();
  input.on("error", (err) => inflater.destroy(err));
  return { stream: input.pipe(inflater), compression };
}

/** Reads at least `n` bytes (or to the end) and puts them back, so the stream starts over. */
async function peek(input: Readable, n: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  while (length < n) {
    const chunk = await readChunk(input);
    if (chunk === null) break;
    chunks.push(chunk);
    length += chunk.length;
  }
  const head = Buffer.concat(chunks);
  if (head.length > 0) input.unshift(head);
  return head;
}

function readChunk(input: Readable): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunk = input.read();
    if (chunk !== null) return resolve(chunk);
    if (input.readableEnded) return resolve(null);
    const cleanup = () => {
      input.off("readable", onReadable);
      input.off("end", onEnd);
      input.off("error", onError);
    };
    const onReadable = () => {
      const c = input.read();
      if (c === null) return;
      cleanup();
      resolve(c);
    };
    const onEnd = () => {
      cleanup();
      resolve(null);
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    input.on("readable", onReadable);
    input.on("end", onEnd);
    input.on("error", onError);
  });
}
