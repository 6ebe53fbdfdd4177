/**
 * Follows the engine's event stream (`GET /events`, one JSON object per line) and reconnects
 * with growing pauses when it drops: the engine restarted, or the socket went away. Every
 * (re)connection is reported, since whatever happened while disconnected was missed.
 */
import { createInterface } from "node:readline";
import type { Logger } from "@lading/scanner";
import { type EngineEndpoint, engineGet } from "./endpoint.js";

/** The events that change what the agent should report. */
const WATCHED = {
  container: ["create", "start", "die", "destroy", "remove"],
  image: ["pull", "tag", "untag", "delete", "remove", "load", "import"],
};

/** One engine event, reduced to what the agent acts on. */
export interface EngineEvent {
  type: string;
  action: string;
  id: string;
}

/** Callbacks of {@link followEvents}. */
export interface EventHandlers {
  onEvent(event: EngineEvent): void;
  /** Called on every successful (re)connection, before any event of it. */
  onConnect(): void;
}

/** Pauses between reconnection attempts, in ms: doubling from the first to the last. */
export interface Backoff {
  firstMs: number;
  maxMs: number;
}

const filters = encodeURIComponent(JSON.stringify({ type: Object.keys(WATCHED) }));

/** Follows events until `signal` aborts. Never rejects: failures are logged and retried. */
export async function followEvents(
  endpoint: EngineEndpoint,
  handlers: EventHandlers,
  options: { signal: AbortSignal; logger: Logger; backoff: Backoff },
): Promise<void> {
  let pause = options.backoff.firstMs;
  while (!options.signal.aborted) {
    const connected = await streamOnce(endpoint, handlers, options.signal).catch((err: Error) => {
      options.logger.warn(
        { engine: endpoint.url, err: err.message, retryMs: pause },
        "engine event stream failed",
      );
      return false;
    });
    if (options.signal.aborted) return;
    if (connected) {
      pause = options.backoff.firstMs;
      options.logger.warn({ engine: endpoint.url, retryMs: pause }, "engine event stream ended");
    }
    await sleep(pause, options.signal);
    pause = Math.min(pause * 2, options.backoff.maxMs);
  }
}

/** Reads one connection's events; resolves true once it was connected and then ended. */
async function streamOnce(endpoint: EngineEndpoint, handlers: EventHandlers, signal: AbortSignal) {
  const res = await engineGet(endpoint, `/events?filters=${filters}`);
  if (res.statusCode !== 200) {
    res.resume();
    throw new Error(`engine answered ${res.statusCode} to /events`);
  }
  // The request timeout guards the connect only: an idle event stream is normal.
  res.socket.setTimeout(0);
  const lines = createInterface({ input: res, crlfDelay: Number.POSITIVE_INFINITY });
  // readline ends on the stream's "end" only; a destroyed or reset stream must close it too.
  res.once("close", () => lines.close());
  res.once("error", () => lines.close());
  const stop = () => res.destroy();
  signal.addEventListener("abort", stop, { once: true });
  handlers.onConnect();
  try {
    for await (const line of lines) {
      const event = parseEvent(line);
      if (event) handlers.onEvent(event);
    }
  } finally {
    signal.removeEventListener("abort", stop);
  }
  return true;
}

function parseEvent(line: string): EngineEvent | undefined {
  if (!line.trim()) return undefined;
  try {
    const raw = JSON.parse(line) as {
      Type?: string;
      Action?: string;
      Actor?: { ID?: string };
      id?: string;
    };
    const type = raw.Type ?? "";
    const action = (raw.Action ?? "").split(":")[0] as string;
    const watched = (WATCHED as Record<string, string[]>)[type];
    if (!watched?.includes(action)) return undefined;
    return { type, action, id: raw.Actor?.ID ?? raw.id ?? "" };
  } catch {
    return undefined;
  }
}

/** Waits `ms`, or less when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
