import type { CapturePolicy, LayerIndex } from "../../filetree/types.js";
import { indexBlobLayers } from "../blob-layers.js";
import type { BlobLayer, SourceOptions } from "../types.js";

/** What a cached read did, for timings and tests: layers served from the cache and read. */
export interface CacheOutcome {
  hits: number;
  reads: number;
}

/**
 * Indexes blob layers, taking each one the cache holds (by diff ID and the policy's key) from
 * there and reading only the rest, which are then stored. Without a cache or a policy key it
 * reads every layer, handing each index to `onIndex` as it comes (see `OpenedSource.index`);
 * with a cache, the indexes come back as a list.
 */
export async function indexLayersCached(
  layers: BlobLayer[],
  policy: CapturePolicy,
  options: Pick<SourceOptions, "layerCache" | "concurrency" | "readerThreads" | "logger">,
  outcome?: CacheOutcome,
  onIndex?: (index: LayerIndex) => void,
): Promise<LayerIndex[]> {
  const cache = options.layerCache;
  const key = policy.key;
  if (!cache || key === undefined) {
    return indexBlobLayers(layers, policy, options, onIndex);
  }
  const cached = await Promise.all(layers.map((l) => cache.get(l.info.diffId, key)));
  const missing = layers.filter((_, i) => cached[i] === undefined);
  const read = await indexBlobLayers(missing, policy, options);
  await Promise.all(
    read.map((index, i) => store(cache, missing[i] as BlobLayer, key, index, options)),
  );
  if (outcome) {
    outcome.hits += layers.length - missing.length;
    outcome.reads += missing.length;
  }
  let next = 0;
  return layers.map((layer, i) => {
    const index = cached[i] ?? (read[next++] as LayerIndex);
    return { ...index, layerIndex: layer.info.index };
  });
}

/** A cache that cannot be written (full disk, read-only dir) costs speed only, not the scan. */
async function store(
  cache: NonNullable<SourceOptions["layerCache"]>,
  layer: BlobLayer,
  key: string,
  index: LayerIndex,
  options: Pick<SourceOptions, "logger">,
): Promise<void> {
  try {
    await cache.put(layer.info.diffId, key, index);
  } catch (err) {
    options.logger?.warn({ layer: layer.info.diffId, err }, "layer cache write failed");
  }
}
