import { pipeline } from "node:stream";
import { DigestMismatchError, ImageFormatError } from "../errors.js";
import { decompress } from "../filetree/decompress.js";
import { createVerifier } from "../filetree/digest.js";
import { createLayerIndex, readLayerTar } from "../filetree/layer-reader.js";
import type { CapturePolicy, LayerIndex } from "../filetree/types.js";
import type { BlobLayer } from "./types.js";

/** Short form of a digest for messages: `sha256:0123456789ab`. */
export function shortDigest(digest: string): string {
  return digest.slice(0, digest.indexOf(":") + 13);
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
  const label = `layer ${layer.info.index} (${shortDigest(layer.info.digest)})`;
  const blob = await layer.open();
  const verifier = createVerifier({ digest: layer.info.digest, size: layer.info.size, label });
  let verifyError: Error | undefined;
  const verified = pipeline(blob, verifier, (err) => {
    if (err) verifyError = err;
  });
  const { stream } = await decompress(verified);
  const index = await readLayerTar(
    stream,
    createLayerIndex(layer.info.index),
    policy,
    layer.info.diffId,
  );
  // The tar may end before the blob does (padding); drain the rest so the digest covers it all.
  if (!verified.readableEnded && !verified.destroyed) {
    verified.resume();
    await new Promise<void>((resolve) => {
      verified.on("close", resolve);
      verified.on("end", resolve);
      verified.on("error", () => resolve());
    });
  }
  if (verifyError instanceof DigestMismatchError) throw verifyError;
  if (verifyError)
    throw new ImageFormatError(`${label}: ${verifyError.message}`, { cause: verifyError });
  return index;
}
