/**
 * Entry of a layer reader thread: opens a blob from its file, hashes, decompresses and parses
 * it under a capture policy rebuilt from its portable form, and sends the index back packed.
 */
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { parentPort } from "node:worker_threads";
import { loadPortablePolicy } from "../../capture-policy.js";
import { packLayerIndex } from "../../filetree/layer-transfer.js";
import type { CapturePolicy } from "../../filetree/types.js";
import { BLOB_CHUNK_BYTES } from "../archive/image-files.js";
import { indexBlobStream } from "../blob-layers.js";
import type { BlobLocation } from "../types.js";
import type { LayerJob, LayerReply } from "./worker-pool.js";

/** Policies already rebuilt, by their portable form: a worker reads several layers. */
const policies = new Map<string, Promise<CapturePolicy>>();

function policyFor(job: LayerJob): Promise<CapturePolicy> {
  const key = JSON.stringify(job.portable);
  let policy = policies.get(key);
  if (policy === undefined) {
    policy = loadPortablePolicy(job.portable);
    policies.set(key, policy);
  }
  return policy;
}

function openLocation({ path, offset, length }: BlobLocation): Readable {
  if (length === 0) return Readable.from([]);
  const end = offset + length - 1;
  return createReadStream(path, { start: offset, end, highWaterMark: BLOB_CHUNK_BYTES });
}

async function run(job: LayerJob): Promise<void> {
  try {
    const policy = await policyFor(job);
    const index = await indexBlobStream(job.info, openLocation(job.location), policy);
    const { packed, transfer } = packLayerIndex(index);
    parentPort?.postMessage({ packed } satisfies LayerReply, transfer);
  } catch (err) {
    const { name, message } = err instanceof Error ? err : new Error(String(err));
    parentPort?.postMessage({ error: { name, message } } satisfies LayerReply);
  }
}

parentPort?.on("message", (job: LayerJob) => void run(job));
