import { existsSync } from "node:fs";
import http, { type IncomingMessage } from "node:http";
import { AgentError } from "../errors.js";

/** Where an engine's API answers: a unix socket, or a TCP host and port. */
export type EngineEndpoint =
  | { url: string; socketPath: string }
  | { url: string; host: string; port: number };

/** Parses `unix:///path.sock` or `tcp://host:port` (as `DOCKER_HOST` is written). */
export function parseEngineUrl(url: string): EngineEndpoint {
  if (url.startsWith("unix://")) return { url, socketPath: url.slice("unix://".length) };
  const tcp = /^(?:tcp|http):\/\/([^:/]+|\[[^\]]+\]):(\d+)\/?$/.exec(url);
  if (tcp) return { url, host: (tcp[1] as string).replace(/^\[|\]$/g, ""), port: Number(tcp[2]) };
  throw new AgentError(`engine address ${url} is not unix:///path or tcp://host:port`);
}

/**
 * The engine to watch when none is named: `DOCKER_HOST`, `CONTAINER_HOST`, then whichever of
 * Docker's and Podman's system sockets exists.
 */
export function defaultEngineUrl(): string {
  const named = process.env.DOCKER_HOST ?? process.env.CONTAINER_HOST;
  if (named) return named;
  const sockets = ["/var/run/docker.sock", "/run/podman/podman.sock"];
  return `unix://${sockets.find((s) => existsSync(s)) ?? sockets[0]}`;
}

/** Sends `GET path` to the engine; rejects with a clear error when nothing answers. */
export function engineGet(endpoint: EngineEndpoint, path: string): Promise<IncomingMessage> {
  const target = "socketPath" in endpoint ? { socketPath: endpoint.socketPath } : endpoint;
  return new Promise((resolve, reject) => {
    const req = http.get({ ...target, path, headers: { host: "engine" } }, resolve);
    req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
    req.once("error", (err) => reject(unreachable(endpoint, err)));
  });
}

function unreachable(endpoint: EngineEndpoint, err: NodeJS.ErrnoException): AgentError {
  const why =
    err.code === "ENOENT"
      ? "the socket does not exist"
      : err.code === "ECONNREFUSED"
        ? "the connection was refused (is the engine running?)"
        : err.code === "EACCES"
          ? "permission denied on the socket"
          : err.message;
  return new AgentError(`no container engine answers at ${endpoint.url}: ${why}`, { cause: err });
}

/** `GET path` answered with JSON; a non-200 answer is an error naming the engine's message. */
export async function engineJson<T>(endpoint: EngineEndpoint, path: string): Promise<T> {
  const res = await engineGet(endpoint, path);
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (res.statusCode !== 200)
    throw new AgentError(
      `engine at ${endpoint.url} answered ${res.statusCode} to ${path}: ${text.slice(0, 300)}`,
    );
  return JSON.parse(text) as T;
}
