import { Readable } from "node:stream";
import type { RegistryClient } from "./client.js";
import { isRetriableNetworkError } from "./transport.js";

/**
 * Streams a blob, picking up where a dropped connection left it with a `Range` request, so a
 * large layer is not fetched again from its start. The bytes are verified by the layer reader
 * (digest and size) as they arrive; here they are only counted.
 */
export function openBlobStream(client: RegistryClient, digest: string, size?: number): Readable {
  return Readable.from(resumable(client, digest, size), { objectMode: false });
}

async function* resumable(client: RegistryClient, digest: string, size?: number) {
  const what = `blob ${digest}`;
  let offset = 0;
  for (let failures = 0; ; ) {
    const range: Record<string, string> = offset > 0 ? { range: `bytes=${offset}-` } : {};
    const res = await client.get(`blobs/${digest}`, what, range);
    // A server that ignores Range sends the whole blob again: skip what was already read.
    let skip = offset > 0 && res.statusCode === 200 ? offset : 0;
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        const part = skip > 0 ? chunk.subarray(Math.min(skip, chunk.length)) : chunk;
        skip = Math.max(0, skip - chunk.length);
        offset += part.length;
        if (part.length > 0) yield part;
      }
      if (size === undefined || offset >= size) return;
      throw new Error(`connection closed early, at byte ${offset} of ${size}`);
    } catch (err) {
      res.destroy();
      if (!isRetriableNetworkError(err) || ++failures >= client.retry.attempts) throw err;
      await client.backoff(failures - 1);
    }
  }
}
