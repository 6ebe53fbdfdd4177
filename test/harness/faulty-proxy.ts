/**
 * An HTTP proxy on 127.0.0.1 in front of a plain loopback registry that misbehaves on purpose:
 * drops a blob's connection half way, corrupts a byte, answers 503, or serves a schema 1
 * manifest. It counts the blob requests it saw, so tests can tell which layers were read.
 */
import http, { type IncomingMessage, type ServerResponse } from "node:http";

/** What to do to one request, decided from its method and path. */
export type Fault = "drop-mid-blob" | "corrupt-blob" | "unavailable" | "schema1" | undefined;

/** A running proxy; `blobGets` lists the paths of blob GETs, in order. */
export interface FaultyProxy {
  host: string;
  blobGets: string[];
  setFault(decide: (req: IncomingMessage) => Fault): void;
  stop(): Promise<void>;
}

const SCHEMA1 = JSON.stringify({
  schemaVersion: 1,
  name: "old/image",
  tag: "latest",
  architecture: "amd64",
  fsLayers: [],
  history: [],
});

/** Starts a proxy to `target` (`127.0.0.1:PORT`). */
export async function startFaultyProxy(target: string): Promise<FaultyProxy> {
  let decide: (req: IncomingMessage) => Fault = () => undefined;
  const blobGets: string[] = [];
  const server = http.createServer((req, res) => {
    if (req.method === "GET" && /\/blobs\/sha256:/.test(req.url ?? ""))
      blobGets.push(req.url ?? "");
    const fault = decide(req);
    if (fault === "unavailable") return void res.writeHead(503).end("try later");
    if (fault === "schema1") {
      const type = "application/vnd.docker.distribution.manifest.v1+prettyjws";
      return void res.writeHead(200, { "content-type": type }).end(SCHEMA1);
    }
    forward(target, req, res, fault);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  return {
    host: `127.0.0.1:${typeof address === "object" && address ? address.port : 0}`,
    blobGets,
    setFault: (next) => {
      decide = next;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function forward(target: string, req: IncomingMessage, res: ServerResponse, fault: Fault) {
  const [hostname, port] = target.split(":");
  const headers = { ...req.headers, host: target };
  const upstream = http.request(
    { hostname, port: Number(port), path: req.url, method: req.method, headers },
    (up) => {
      if (!fault) {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
        return;
      }
      collect(up).then((body) => misbehave(res, up, body, fault));
    },
  );
  upstream.once("error", () => res.destroy());
  req.pipe(upstream);
}

async function collect(stream: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function misbehave(res: ServerResponse, up: IncomingMessage, body: Buffer, fault: Fault) {
  res.writeHead(up.statusCode ?? 502, up.headers);
  if (fault === "corrupt-blob") {
    const copy = Buffer.from(body);
    const at = Math.floor(copy.length / 2);
    copy[at] = (copy[at] ?? 0) ^ 0xff;
    res.end(copy);
    return;
  }
  // Half the body, then the connection is cut with no proper end.
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
}
