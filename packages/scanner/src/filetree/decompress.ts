import { type Readable, Transform } from "node:stream";
import { createGunzip } from "node:zlib";
import { Decompress as ZstdDecompress } from "fzstd";

/** Compression of a layer blob, told by its first bytes rather than by a media type that lies. */
export type Compression = "gzip" | "zstd" | "none";

const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** Recognises gzip and zstd by their magic numbers; anything else is taken as plain tar. */
export function detectCompression(head: Buffer): Compression {
  if (GZIP_MAGIC.every((b, i) => head[i] === b)) return "gzip";
  if (ZSTD_MAGIC.every((b, i) => head[i] === b)) return "zstd";
  return "none";
}

/** A transform stream that inflates zstd frames with the pure-JS `fzstd` decoder. */
function createZstdDecompress(): Transform {
  let decoder: ZstdDecompress;
  const transform = new Transform({
    transform(chunk: Buffer, _enc, done) {
      try {
        decoder.push(chunk);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
    flush(done) {
      try {
        decoder.push(new Uint8Array(0), true);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  decoder = new ZstdDecompress((data) => {
    transform.push(Buffer.from(data.buffer, data.byteOffset, data.byteLength));
  });
  return transform;
}

/** Returns a stream of the decompressed bytes, sniffing the compression from the first chunk. */
export async function decompress(
  input: Readable,
): Promise<{ stream: Readable; compression: Compression }> {
  const head = await peek(input, 4);
  const compression = detectCompression(head);
  if (compression === "none") return { stream: input, compression };
  const inflater = compression === "gzip" ? createGunzip() : createZstdDecompress();
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
