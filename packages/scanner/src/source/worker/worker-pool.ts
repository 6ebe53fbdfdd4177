import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { DigestMismatchError, ImageFormatError, LadingError, SourceError } from "../../errors.js";
import { type PackedLayerIndex, unpackLayerIndex } from "../../filetree/layer-transfer.js";
import type { LayerIndex, PortablePolicy } from "../../filetree/types.js";
import type { LayerInfo } from "../../types.js";
import type { BlobLayer, BlobLocation } from "../types.js";

/** A blob layer that lies in a local file. */
export type LocatedLayer = BlobLayer & { location: BlobLocation };

/** What the main thread asks a worker to read. */
export interface LayerJob {
  info: LayerInfo;
  location: BlobLocation;
  portable: PortablePolicy;
}

/** A worker's answer: the packed index, or the error that failed the read. */
export type LayerReply =
  | { packed: PackedLayerIndex; error?: undefined }
  | { packed?: undefined; error: { name: string; message: string } };

/**
 * A small young generation for each reader thread. V8 sizes a thread's nursery as it does the
 * main thread's (up to 48 MiB), and each thread filling its own raised peak RSS by 40-50 MiB on a
 * 2.3 GiB image; at 8 MiB the CPU time measured the same, what a layer's reader keeps being
 * small (entries, a few kept files) beside the short-lived chunks it throws away.
 */
const WORKER_OPTIONS = { resourceLimits: { maxYoungGenerationSizeMb: 8 } };

const ENTRY = new URL("./layer-worker.js", import.meta.url);

/** The worker's module, when built: run from the TypeScript sources there is none. */
export function layerWorkerEntry(): URL | undefined {
  return existsSync(fileURLToPath(ENTRY)) ? ENTRY : undefined;
}

/**
 * Reads `layers` in up to `concurrency` worker threads (no more than the cores), largest
 * first, each worker opening, hashing, decompressing and parsing its blob itself. Indexes come
 * back in layer order, or go to `onIndex` in that order as they are ready; the first failed
 * read fails the whole, as on the calling thread.
 */
export async function indexInWorkers(
  layers: readonly LocatedLayer[],
  portable: PortablePolicy,
  concurrency: number,
  onIndex?: (index: LayerIndex) => void,
  entry: URL = ENTRY,
): Promise<LayerIndex[]> {
  const count = Math.max(1, Math.min(concurrency, layers.length, availableParallelism()));
  const workers = Array.from({ length: count }, () => new Worker(entry, WORKER_OPTIONS));
  const results = createOrderedSink(layers.length, onIndex);
  const order = largestFirst(layers);
  let next = 0;
  const drain = async (worker: Worker) => {
    while (next < order.length) {
      const i = order[next++] as number;
      const { info, location } = layers[i] as LocatedLayer;
      results.put(i, await runJob(worker, { info, location, portable }));
    }
  };
  try {
    await Promise.all(workers.map(drain));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.kept;
}

/** Sends one job and waits for its reply; a worker that dies fails the job. */
function runJob(worker: Worker, job: LayerJob): Promise<LayerIndex> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (reply: LayerReply) => {
      cleanup();
      if (reply.error) reject(rebuildError(reply.error));
      else resolve(unpackLayerIndex(reply.packed));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(new ImageFormatError(`layer reader thread failed: ${err.message}`, { cause: err }));
    };
    const onExit = (code: number) => onError(new Error(`exited with code ${code}`));
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(job);
  });
}

const ERRORS: Record<string, new (message: string) => Error> = {
  DigestMismatchError,
  ImageFormatError,
  SourceError,
  LadingError,
};

/** The error a worker reported, as the class it was thrown as (classes cannot cross threads). */
function rebuildError({ name, message }: { name: string; message: string }): Error {
  const ErrorClass = ERRORS[name] ?? Error;
  return new ErrorClass(message);
}

/** Positions of `layers`, the largest blob first (unknown sizes last, in order). */
export function largestFirst(layers: readonly BlobLayer[]): number[] {
  const size = (l: BlobLayer) => l.location?.length ?? l.info.size ?? -1;
  return layers
    .map((_, i) => i)
    .sort((a, b) => size(layers[b] as BlobLayer) - size(layers[a] as BlobLayer) || a - b);
}

/**
 * Collects indexes that finish out of order: without `onIndex` it keeps them all, by position;
 * with it, it hands each over once every one below it has been, holding only those that wait.
 */
export function createOrderedSink(
  count: number,
  onIndex?: (index: LayerIndex) => void,
): { put(position: number, index: LayerIndex): void; kept: LayerIndex[] } {
  const kept: LayerIndex[] = onIndex ? [] : new Array(count);
  const waiting = new Map<number, LayerIndex>();
  let next = 0;
  const put = (position: number, index: LayerIndex) => {
    if (!onIndex) {
      kept[position] = index;
      return;
    }
    waiting.set(position, index);
    for (let ready = waiting.get(next); ready; ready = waiting.get(next)) {
      waiting.delete(next++);
      onIndex(ready);
    }
  };
  return { put, kept };
}
