import { PassThrough, type Readable } from "node:stream";
import { ImageFormatError } from "../errors.js";
import { decompress } from "../filetree/decompress.js";
import { createDigester, type Measured, verifyDigest } from "../filetree/digest.js";
import { createLayerIndex, readLayerTar } from "../filetree/layer-reader.js";
import type { CapturePolicy, LayerIndex } from "../filetree/types.js";
import type { BlobLayer } from "./types.js";

/** Short form of a digest for messages: `sha256:0123456789ab`. */
export function shortDigest(digest: string): string {
  return digest.slice(0, digest.indexOf(":") + 13);
}

/** How a layer is named in messages: `layer 2 (sha256:0123456789ab)`. */
export function layerLabel(index: number, digest: string): string {
  return `layer ${index} (${shortDigest(digest)})`;
}

/**
 * Reads layers from sources with random access to their blobs (archives on disk, layout dirs),
 * `concurrency` at a time. Each blob is verified by digest and size while it streams; a mismatch
 * fails the whole read with an error naming the blob.
 */
export async function indexBlobLayers(
  layers: BlobLayer[],
  policy: CapturePolicy,
  concurrency = 2,
): Promise<LayerIndex[]> {
  const results: LayerIndex[] = new Array(layers.length);
  let next = 0;
  const worker = async () => {
    while (next < layers.length) {
      const i = next++;
      results[i] = await indexBlobLayer(layers[i] as BlobLayer, policy);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, layers.length) }, worker));
  return results;
}

async function indexBlobLayer(layer: BlobLayer, policy: CapturePolicy): Promise<LayerIndex> {
  const { info } = layer;
  const label = layerLabel(info.index, info.digest);
  const index = createLayerIndex(info.index);
  const measured = await readBlobInto(await layer.open(), index, policy, info.diffId, info.digest);
  verifyDigest({ digest: info.digest, size: info.size, label }, measured);
  return index;
}

/**
 * Streams one stored blob through a hash and into the layer reader at the same time. The hash
 * sees every byte to the blob's end, even after the tar's end-of-archive blocks or after the
 * layer reader gave up on a corrupt tar, so a digest check never passes on a partial read.
 * A tar that cannot be read becomes an unknown in `index`; only a failing read of the blob
 * itself throws.
 */
export async function readBlobInto(
  blob: Readable,
  index: LayerIndex,
  policy: CapturePolicy,
  unknownLayer: string,
  expectedDigest?: string,
): Promise<Measured> {
  const { hash, algorithm } = createDigester(expectedDigest);
  const feed = new PassThrough();
  let size = 0;
  let readerDone = false;
  const hashed = new Promise<void>((resolve, reject) => {
    blob.on("data", (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
      if (readerDone || feed.destroyed || feed.write(chunk)) return;
      blob.pause();
      feed.once("drain", () => blob.resume());
    });
    blob.once("end", () => {
      feed.end();
      resolve();
    });
    blob.once("error", (err) => {
      feed.destroy(err);
      reject(err);
    });
  });
  // Handled below, once the reader is done; this keeps an early failure from going unhandled.
  hashed.catch(() => {});
  await readLayer(feed, index, policy, unknownLayer);
  readerDone = true;
  blob.resume();
  await hashed.catch((err: Error) => {
    throw new ImageFormatError(`blob could not be read: ${err.message}`, { cause: err });
  });
  feed.destroy();
  return { digest: `${algorithm}:${hash.digest("hex")}`, size };
}

async function readLayer(
  feed: Readable,
  index: LayerIndex,
  policy: CapturePolicy,
  unknownLayer: string,
): Promise<void> {
  try {
    const { stream } = await decompress(feed);
    await readLayerTar(stream, index, policy, unknownLayer);
  } catch (err) {
    index.unknowns.push({
      path: "/",
      layer: unknownLayer,
      reason: `layer could not be decompressed: ${(err as Error).message}`,
    });
  }
}
