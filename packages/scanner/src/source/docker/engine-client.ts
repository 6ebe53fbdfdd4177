import http, { type IncomingMessage } from "node:http";
import { SourceError } from "../../errors.js";
import { readBody } from "../registry/transport.js";

/** Where an engine's API answers: a unix socket, or a TCP host and port. */
export type EngineEndpoint =
  | { url: string; socketPath: string }
  | { url: string; host: string; port: number };

/** How long the engine may take to say whether it is there, when a bare reference is guessed. */
const PING_TIMEOUT_MS = 2_000;

/** Parses `unix:///path.sock` or `tcp://host:port` (as `DOCKER_HOST` is written). */
export function parseEngineEndpoint(url: string): EngineEndpoint {
  if (url.startsWith("unix://")) return { url, socketPath: url.slice("unix://".length) };
  const tcp = /^(?:tcp|http):\/\/([^:/]+|\[[^\]]+\]):(\d+)\/?$/.exec(url);
  if (tcp) return { url, host: (tcp[1] as string).replace(/^\[|\]$/g, ""), port: Number(tcp[2]) };
  throw new SourceError(
    `engine address ${url} is not unix:///path or tcp://host:port (TLS engines are not supported)`,
  );
}

/** `GET path` on the engine API. Rejects when the engine does not answer. */
export function engineGet(endpoint: EngineEndpoint, path: string, timeoutMs?: number) {
  const target = "socketPath" in endpoint ? { socketPath: endpoint.socketPath } : endpoint;
  return new Promise<IncomingMessage>((resolve, reject) => {
    const req = http.get({ ...target, path, headers: { host: "engine" } }, resolve);
    if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error("no answer in time")));
    req.once("error", reject);
  });
}

/** Docker's image name in a URL path: slashes and the tag colon stay as they are. */
function imagePath(name: string, what: string): string {
  return `/images/${encodeURI(name).replace(/[?#]/g, encodeURIComponent)}/${what}`;
}

/** The engine's `docker image inspect` answer, or `undefined` when it has no such image. */
export async function inspectImage(
  endpoint: EngineEndpoint,
  name: string,
  timeoutMs?: number,
): Promise<Record<string, unknown> | undefined> {
  const res = await engineGet(endpoint, imagePath(name, "json"), timeoutMs);
  const body = await readBody(res, 16 << 20);
  if (res.statusCode === 404) return undefined;
  if (res.statusCode !== 200) throw engineFailure(endpoint, res.statusCode, body);
  return JSON.parse(body.toString("utf8"));
}

/** Streams `docker save` of one image (a docker-archive tar) straight from the engine. */
export async function exportImage(
  endpoint: EngineEndpoint,
  name: string,
): Promise<IncomingMessage> {
  const res = await engineGet(endpoint, imagePath(name, "get"));
  if (res.statusCode === 200) return res;
  throw engineFailure(endpoint, res.statusCode, await readBody(res, 1 << 20));
}

/** True when something at the endpoint answers the engine's `/_ping`. */
export async function pingEngine(endpoint: EngineEndpoint): Promise<boolean> {
  try {
    const res = await engineGet(endpoint, "/_ping", PING_TIMEOUT_MS);
    res.resume();
    return res.statusCode === 200;
  } catch {
    return false;
  }
}

function engineFailure(endpoint: EngineEndpoint, status: number | undefined, body: Buffer) {
  let message = body.toString("utf8").slice(0, 500);
  try {
    message = JSON.parse(message).message ?? message;
  } catch {
    // Not JSON: the text itself is the best there is.
  }
  return new SourceError(`engine at ${endpoint.url} answered HTTP ${status}: ${message.trim()}`);
}
