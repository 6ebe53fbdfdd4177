/**
 * A bearer token service on 127.0.0.1 for `docker-registry`'s `auth.token`
 * (https://distribution.github.io/distribution/spec/auth/jwt/): it checks HTTP basic
 * credentials and signs an RS256 JWT whose `x5c` header carries its certificate, which the
 * registry checks against its `rootcertbundle`.
 */
import { execFileSync } from "node:child_process";
import { createPrivateKey, createSign, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";

/** A running token service; `requests` counts the token requests it answered. */
export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  rootCert: string;
  requests: number;
  stop(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

/** Starts the service; only `username`/`password` get a token. */
export async function startTokenServer(
  dir: string,
  credentials: { username: string; password: string },
): Promise<TokenServer> {
  const key = join(dir, "token.key");
  const cert = join(dir, "token.pem");
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-subj",
      "/CN=lading token",
      "-days",
      "2",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "pipe" },
  );
  const signer = {
    key: createPrivateKey(readFileSync(key)),
    der: new X509Certificate(readFileSync(cert)).raw,
  };
  const state = { requests: 0 };
  const expected = `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
  const server = createServer((req, res) => answer(req, res, expected, signer, state));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service: "lading-test-registry",
    issuer: "lading-test-issuer",
    rootCert: cert,
    get requests() {
      return state.requests;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function answer(
  req: IncomingMessage,
  res: ServerResponse,
  expected: string,
  signer: { key: ReturnType<typeof createPrivateKey>; der: Buffer },
  state: { requests: number },
) {
  state.requests++;
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.headers.authorization !== expected) {
    res.writeHead(401, { "content-type": "application/json" }).end('{"details":"bad login"}');
    return;
  }
  const [type, name, actions] = (url.searchParams.get("scope") ?? "").split(":");
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: "lading-test-issuer",
    sub: "tester",
    aud: url.searchParams.get("service"),
    exp: now + 300,
    nbf: now - 10,
    iat: now,
    jti: `${now}-${state.requests}`,
    access: type ? [{ type, name, actions: (actions ?? "").split(",") }] : [],
  };
  const header = { typ: "JWT", alg: "RS256", x5c: [signer.der.toString("base64")] };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign("RSA-SHA256").update(input).sign(signer.key);
  const token = `${input}.${base64url(signature)}`;
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ token }));
}
