import { readFileSync } from "node:fs";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { rootCertificates } from "node:tls";
import { SourceError } from "../../errors.js";

/** One HTTP exchange's request side. */
export interface HttpRequest {
  url: URL;
  headers: Record<string, string>;
}

/** Sends requests over plain HTTP or TLS with the trust the user configured. */
export interface Transport {
  send(request: HttpRequest): Promise<IncomingMessage>;
  close(): void;
}

/** How long a request may wait for response headers or for the next body bytes. */
const IDLE_TIMEOUT_MS = 60_000;

/**
 * Creates a transport with keep-alive agents. `caFile` adds certificate authorities to the
 * system's; `insecure` accepts any certificate, as Docker does for an insecure registry.
 */
export function createTransport(options: { caFile?: string; insecure?: boolean }): Transport {
  const ca = options.caFile ? [...rootCertificates, readCaFile(options.caFile)] : undefined;
  const agents = {
    "http:": new http.Agent({ keepAlive: true }),
    "https:": new https.Agent({ keepAlive: true, ca, rejectUnauthorized: !options.insecure }),
  };
  return {
    send: (request) => sendOnce(request, agents[request.url.protocol as keyof typeof agents]),
    close() {
      agents["http:"].destroy();
      agents["https:"].destroy();
    },
  };
}

function readCaFile(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (err) {
    throw new SourceError(`cannot read the CA bundle ${path}: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

function sendOnce(request: HttpRequest, agent: http.Agent | undefined): Promise<IncomingMessage> {
  if (!agent) throw new SourceError(`unsupported URL scheme ${request.url.protocol}`);
  const send = request.url.protocol === "https:" ? https.request : http.request;
  return new Promise((resolve, reject) => {
    const req = send(request.url, { agent, headers: request.headers }, (res) => {
      res.setTimeout(IDLE_TIMEOUT_MS, () => res.destroy(new Error("the response stalled")));
      resolve(res);
    });
    req.setTimeout(IDLE_TIMEOUT_MS, () => req.destroy(new Error("no response in time")));
    req.once("error", reject);
    req.end();
  });
}

/** Reads a response body whole, refusing one larger than `limit` bytes. */
export async function readBody(res: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      res.destroy();
      throw new SourceError(`a registry answer is larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Errors of a connection that may work when tried again. */
export function isRetriableNetworkError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code ?? "";
  const message = (err as Error).message ?? "";
  return (
    ["ECONNRESET", "EPIPE", "ETIMEDOUT", "ECONNABORTED", "EAI_AGAIN", "ECONNREFUSED"].includes(
      code,
    ) || /aborted|socket hang up|stalled|no response in time|closed early/.test(message)
  );
}

/** True when a TLS handshake failed because the server speaks plain HTTP. */
export function isPlainHttpAnswer(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code ?? "";
  return code === "EPROTO" || code.startsWith("ERR_SSL_");
}
