/**
 * A real `docker-registry` (distribution 2.8, the Debian package) on 127.0.0.1 with its own
 * config: plain, with htpasswd basic auth, with TLS from a throwaway CA, or with bearer tokens
 * from the harness's token server. Several may serve one storage dir, so an image pushed once
 * (plain) is seen by all of them.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort, type Service, startService, waitFor } from "./processes.js";

/** What a registry asks of its clients. */
export interface RegistryConfig {
  storage: string;
  /** htpasswd basic auth for this user and password. */
  basic?: { username: string; password: string };
  /** TLS with this certificate and key (PEM files). */
  tls?: { cert: string; key: string };
  /** Bearer tokens from this realm, signed by the key of `rootCert`. */
  token?: { realm: string; service: string; issuer: string; rootCert: string };
}

/** A running registry: `host` is `127.0.0.1:PORT`. */
export interface RunningRegistry {
  host: string;
  stop(): Promise<void>;
}

/** Writes a config naming 127.0.0.1 (the package's default listens on every interface). */
export async function startRegistry(config: RegistryConfig): Promise<RunningRegistry> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "lading-registry-"));
  const path = join(dir, "config.yml");
  writeFileSync(path, registryYaml(config, port, dir));
  const service = startService("docker-registry", ["serve", path]);
  const scheme = config.tls ? "https" : "http";
  await waitFor(service, () =>
    isListening(`${scheme}://127.0.0.1:${port}/`, config.tls !== undefined),
  );
  return {
    host: `127.0.0.1:${port}`,
    async stop() {
      await service.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function registryYaml(config: RegistryConfig, port: number, dir: string): string {
  const lines = [
    "version: 0.1",
    "log:",
    "  level: warn",
    "storage:",
    "  filesystem:",
    `    rootdirectory: ${config.storage}`,
    "  delete:",
    "    enabled: true",
    "http:",
    `  addr: 127.0.0.1:${port}`,
  ];
  if (config.tls)
    lines.push("  tls:", `    certificate: ${config.tls.cert}`, `    key: ${config.tls.key}`);
  if (config.basic) {
    const htpasswd = join(dir, "htpasswd");
    const { username, password } = config.basic;
    execFileSync("htpasswd", ["-Bbc", htpasswd, username, password], { stdio: "ignore" });
    lines.push("auth:", "  htpasswd:", "    realm: lading-test", `    path: ${htpasswd}`);
  }
  if (config.token) {
    const t = config.token;
    lines.push("auth:", "  token:", `    realm: ${t.realm}`, `    service: ${t.service}`);
    lines.push(`    issuer: ${t.issuer}`, `    rootcertbundle: ${t.rootCert}`);
  }
  return `${lines.join("\n")}\n`;
}

async function isListening(url: string, tls: boolean): Promise<boolean> {
  const { request } = tls ? await import("node:https") : await import("node:http");
  return new Promise((resolve) => {
    const req = request(url, { rejectUnauthorized: false }, (res) => {
      res.resume();
      resolve(true);
    });
    req.once("error", () => resolve(false));
    req.end();
  });
}

/** `skopeo copy` of a docker-archive into a plain loopback registry. */
export function pushArchive(archive: string, host: string, name: string): void {
  execFileSync(
    "skopeo",
    [
      "copy",
      "-q",
      "--dest-tls-verify=false",
      `docker-archive:${archive}`,
      `docker://${host}/${name}`,
    ],
    { stdio: "pipe" },
  );
}

/** `skopeo copy` of the image tagged `tag` in an OCI layout into a plain loopback registry. */
export function pushOciLayout(layout: string, tag: string, host: string, name: string): void {
  execFileSync(
    "skopeo",
    ["copy", "-q", "--dest-tls-verify=false", `oci:${layout}:${tag}`, `docker://${host}/${name}`],
    { stdio: "pipe" },
  );
}

/** A throwaway CA and a server certificate for 127.0.0.1 that it signed. */
export function makeCertificates(dir: string) {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync("openssl", args, { stdio: "pipe" });
  const subject = (cn: string) => ["-subj", `/CN=${cn}`, "-days", "2", "-nodes"];
  openssl(
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    ...subject("lading test CA"),
    "-keyout",
    file("ca.key"),
    "-out",
    file("ca.pem"),
  );
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-subj",
    "/CN=127.0.0.1",
    "-nodes",
    "-keyout",
    file("server.key"),
    "-out",
    file("server.csr"),
  );
  writeFileSync(file("san.ext"), "subjectAltName=IP:127.0.0.1\n");
  openssl(
    "x509",
    "-req",
    "-in",
    file("server.csr"),
    "-CA",
    file("ca.pem"),
    "-CAkey",
    file("ca.key"),
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    file("san.ext"),
    "-out",
    file("server.pem"),
  );
  return { ca: file("ca.pem"), cert: file("server.pem"), key: file("server.key") };
}

export type { Service };
