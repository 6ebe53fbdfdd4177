/**
 * One bound on every request body. Routes read their JSON whole, so without it any client —
 * signed in or not: the sign-in route reads its body before it knows who is calling — could make
 * the server hold an unbounded body in memory.
 */
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { PayloadTooLargeError } from "../errors.js";
import type { AppEnv } from "./common.js";

/**
 * Refuses with 413 a body over `maxBytes`: at once when its Content-Length says so, or as soon
 * as a chunked body grows past it, before the route reads any of it.
 */
export function limitBodies(maxBytes: number): MiddlewareHandler<AppEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: async (c) => {
      await drain(c.req.raw.body, maxBytes * 4);
      throw new PayloadTooLargeError(maxBytes);
    },
  });
}

/**
 * Reads and drops the rest of a refused body, up to a bound, so the client gets to read the
 * answer instead of a reset connection; past the bound the connection is simply cut.
 */
export async function drain(body: ReadableStream<Uint8Array> | null, bound: number): Promise<void> {
  // A chunked body is read by the limit itself, which holds the stream's lock when it gives up.
  if (!body || body.locked) return;
  let seen = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      seen += value?.length ?? 0;
      if (done || seen > bound) break;
    }
  } catch {
    // The client went away; nothing left to answer.
  } finally {
    await reader.cancel().catch(() => {});
  }
}
