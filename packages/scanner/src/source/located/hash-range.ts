import { Worker } from "node:worker_threads";
import { ImageFormatError } from "../../errors.js";
import type { Measured } from "../../filetree/digest.js";
import type { BlobLocation } from "../types.js";

/**
 * The hashing thread's whole program. It is handed to the Worker as source text (`eval`) rather
 * than as a module file so that it needs nothing built and no module resolution: the same code
 * runs from the compiled library and under the test runner. It reads the range itself, so the
 * calling thread never copies the bytes across; reads are synchronous because this thread has
 * nothing else to do.
 */
const HASH_PROGRAM = `
const { workerData, parentPort } = require("node:worker_threads");
const { openSync, readSync, closeSync } = require("node:fs");
const { createHash } = require("node:crypto");
const { path, offset, length, algorithm } = workerData;
const hash = createHash(algorithm);
const buffer = Buffer.allocUnsafe(1 << 20);
const fd = openSync(path, "r");
let size = 0;
try {
  while (size < length) {
    const n = readSync(fd, buffer, 0, Math.min(buffer.length, length - size), offset + size);
    if (n === 0) break;
    hash.update(buffer.subarray(0, n));
    size += n;
  }
} finally {
  closeSync(fd);
}
parentPort.postMessage({ digest: algorithm + ":" + hash.digest("hex"), size });
`;

/**
 * Hashes a byte range of a local file on a thread of its own, so that checking a big layer's
 * digest runs beside parsing it rather than after or between. The size is what was there to
 * read: a file shorter than the range gives a smaller size, which the digest check then refuses.
 */
export function hashRangeInThread(location: BlobLocation, algorithm: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(HASH_PROGRAM, {
      eval: true,
      workerData: { ...location, algorithm },
      // Its heap holds one 1 MiB buffer; keep V8 from reserving more for it.
      resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    });
    worker.once("message", (measured: Measured) => resolve(measured));
    worker.once("error", (err) =>
      reject(new ImageFormatError(`blob could not be read: ${err.message}`, { cause: err })),
    );
    worker.once("exit", (code) => {
      if (code !== 0) reject(new ImageFormatError(`blob hashing thread stopped (${code})`));
    });
  });
}
