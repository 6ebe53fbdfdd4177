import { PassThrough, type Readable } from "node:stream";
import { ImageFormatError } from "../errors.js";
import { createDigester, type Measured, verifyDigest } from "../filetree/digest.js";
import { createLayerIndex, readStoredLayer } from "../filetree/layer-reader.js";
import type { CapturePolicy, LayerIndex, PortablePolicy } from "../filetree/types.js";
import type { LayerInfo } from "../types.js";
import { layerLabel } from "./blob-labels.js";
import { indexLocatedLayer, MIN_THREAD_HASH_BYTES } from "./located/read-located.js";
import type { BlobLayer, SourceOptions } from "./types.js";
import {
  createOrderedSink,
  indexInWorkers,
  type LocatedLayer,
  largestFirst,
  layerWorkerEntry,
} from "./worker/worker-pool.js";

/**
 * Reads layers from sources with random access to their blobs (archives on disk, layout dirs),
 * `concurrency` at a time, largest first so that the biggest is not left to read alone at the
 * end. With `readerThreads`, layers that lie in local files are read in worker threads, on
 * every core, when the policy can be rebuilt there (see {@link readsInWorkers}). Each blob is
 * verified by digest and size while it streams; a mismatch fails the whole read with an error
 * naming the blob. With `onIndex`, indexes are handed over in layer order as they are ready
 * (one that waits for a smaller layer below it is held until then), and none is returned.
 */
export async function indexBlobLayers(
  layers: BlobLayer[],
  policy: CapturePolicy,
  options: Pick<SourceOptions, "concurrency" | "readerThreads"> = {},
  onIndex?: (index: LayerIndex) => void,
): Promise<LayerIndex[]> {
  const concurrency = options.concurrency ?? 2;
  const located = layers as LocatedLayer[];
  const portable = policy.portable as PortablePolicy;
  if (options.readerThreads && concurrency > 1 && readsInWorkers(layers, policy)) {
    return indexInWorkers(located, portable, concurrency, onIndex);
  }
  const results = createOrderedSink(layers.length, onIndex);
  const order = largestFirst(layers);
  let next = 0;
  const worker = async () => {
    while (next < order.length) {
      const i = order[next++] as number;
      const layer = layers[i] as BlobLayer;
      results.put(i, await indexBlobLayer(layer, policy));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, layers.length) }, worker));
  return results.kept;
}

/**
 * Whether workers pay: the policy must be portable, every blob a local file, a worker entry
 * built (tests run the sources, where there is none) and the layers big enough to repay the
 * start of a thread that loads every cataloger. With `concurrency` 1 nothing would run beside
 * the one reader, so the calling thread reads.
 */
function readsInWorkers(layers: BlobLayer[], policy: CapturePolicy): boolean {
  if (policy.portable === undefined || layerWorkerEntry() === undefined) return false;
  if (!layers.every((l) => l.location !== undefined)) return false;
  const bytes = layers.reduce((sum, l) => sum + (l.location?.length ?? 0), 0);
  return bytes >= MIN_WORKER_BYTES;
}

/**
 * Below this many stored bytes the calling thread is as quick: each worker first loads every
 * cataloger (about 0.4 s of CPU) and holds a heap of its own (30-50 MiB of peak RSS), which a
 * Debian base image with a few packages on top (200 MiB) does not win back.
 */
const MIN_WORKER_BYTES = 512 << 20;

/**
 * Reads one layer: a big one that lies in a local file is parsed in place while another thread
 * hashes it; any other is streamed once through the hash and the parser.
 */
function indexBlobLayer(layer: BlobLayer, policy: CapturePolicy): Promise<LayerIndex> {
  const location = layer.location;
  if (location !== undefined && location.length >= MIN_THREAD_HASH_BYTES) {
    return indexLocatedLayer(layer.info, location, policy);
  }
  return layer.open().then((blob) => indexBlobStream(layer.info, blob, policy));
}

/** Reads one blob's stream into an index and checks its digest and size. */
export async function indexBlobStream(
  info: LayerInfo,
  blob: Readable,
  policy: CapturePolicy,
): Promise<LayerIndex> {
  const label = layerLabel(info.index, info.digest);
  const index = createLayerIndex(info.index);
  const measured = await readBlobInto(blob, index, policy, info.diffId, info.digest);
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
  await readStoredLayer(feed, index, policy, unknownLayer);
  readerDone = true;
  blob.resume();
  await hashed.catch((err: Error) => {
    throw new ImageFormatError(`blob could not be read: ${err.message}`, { cause: err });
  });
  feed.destroy();
  return { digest: `${algorithm}:${hash.digest("hex")}`, size };
}
