/**
 * The registry source against real `docker-registry` servers on 127.0.0.1: plain, basic auth,
 * TLS with a throwaway CA, bearer tokens from the harness's token service, and a proxy that
 * misbehaves on purpose. The image is the example alpine archive, pushed with skopeo.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FaultyProxy, startFaultyProxy } from "../../../../../test/harness/faulty-proxy.js";
import {
  makeCertificates,
  pushArchive,
  type RunningRegistry,
  startRegistry,
} from "../../../../../test/harness/registry.js";
import {
  getManifest,
  type Pushed,
  pushIndex,
  pushPlatformCopy,
  pushSibling,
} from "../../../../../test/harness/registry-api.js";
import { startTokenServer, type TokenServer } from "../../../../../test/harness/token-server.js";
import { requireTools, skipWithoutTools } from "../../../../../test/harness/tools.js";
import { DigestMismatchError } from "../../errors.js";
import { type ScanOptions, scan } from "../../scan.js";
import type { ScanResult } from "../../types.js";
import { DiskLayerCache } from "../cache/layer-cache.js";
import { alpineTar, exampleArchive } from "../image-fixtures.fixture.js";

const TOOLS = ["docker-registry", "skopeo", "htpasswd", "openssl"];
const USER = { username: "lading", password: "s3cret-Pa55word-xyz" };

let work: string;
let storage: string;
let plain: RunningRegistry;
let archiveResult: ScanResult;
let base: Pushed;
const stops: (() => Promise<void>)[] = [];

const packagesOf = (r: ScanResult) => r.packages.map((p) => p.purl);

async function scanRegistry(ref: string, options: ScanOptions = {}) {
  return scan(`registry:${ref}`, options);
}

describe.skipIf(skipWithoutTools("the registry source tests", TOOLS))("registry source", () => {
  beforeAll(async () => {
    requireTools(TOOLS);
    work = mkdtempSync(join(tmpdir(), "lading-registry-test-"));
    storage = join(work, "storage");
    mkdirSync(storage);
    plain = await startRegistry({ storage });
    stops.push(plain.stop);
    pushArchive(alpineTar(), plain.host, "test/alpine:3.10");
    base = await getManifest(plain.host, "test/alpine", "3.10");
    const arm = await pushPlatformCopy(plain.host, "test/alpine", base, "arm64", "v8");
    await pushIndex(plain.host, "test/alpine", "multi", [
      { manifest: base, platform: { os: "linux", architecture: "amd64" } },
      { manifest: arm, platform: { os: "linux", architecture: "arm64", variant: "v8" } },
    ]);
    await pushSibling(plain.host, "test/alpine", base, "sibling", { "etc/sibling.txt": "hi\n" });
    archiveResult = await scan(`docker-archive:${exampleArchive}`);
  });

  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("gives the same packages as the archive, over plain HTTP on loopback", async () => {
    const result = await scanRegistry(`${plain.host}/test/alpine:3.10`);
    expect(result.source).toEqual({ kind: "registry", target: `${plain.host}/test/alpine:3.10` });
    expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
    expect(packagesOf(result).length).toBeGreaterThan(10);
    expect(result.image?.configDigest).toBe(archiveResult.image?.configDigest);
    expect(result.image?.repoDigests).toEqual([`${plain.host}/test/alpine@${base.digest}`]);
  });

  it("takes a bare reference that names no file as a registry image", async () => {
    const result = await scan(`${plain.host}/test/alpine@${base.digest}`);
    expect(result.source.kind).toBe("registry");
    expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
  });

  it("says so when the tag is unknown", async () => {
    await expect(scanRegistry(`${plain.host}/test/alpine:nope`)).rejects.toThrow(
      /manifest nope of test\/alpine: not found .*MANIFEST_UNKNOWN/,
    );
  });

  it("picks the platform from an index, and lists the platforms when none fits", async () => {
    const arm = await scanRegistry(`${plain.host}/test/alpine:multi`, { platform: "linux/arm64" });
    expect(arm.image?.architecture).toBe("arm64");
    const host = await scanRegistry(`${plain.host}/test/alpine:multi`);
    expect(host.image?.architecture).toBe(process.arch === "arm64" ? "arm64" : "amd64");
    await expect(
      scanRegistry(`${plain.host}/test/alpine:multi`, { platform: "linux/s390x" }),
    ).rejects.toThrow(/matches platform linux\/s390x.*linux\/amd64.*linux\/arm64\/v8/);
  });

  describe("with htpasswd basic auth", () => {
    let host: string;
    beforeAll(async () => {
      const registry = await startRegistry({ storage, basic: USER });
      stops.push(registry.stop);
      host = registry.host;
    });

    it("asks for a login without credentials", async () => {
      const empty = join(work, "no-docker-config");
      const options = { registry: { dockerConfigDir: empty } };
      await expect(scanRegistry(`${host}/test/alpine:3.10`, options)).rejects.toThrow(
        /denied access \(HTTP 401\): it needs a login/,
      );
    });

    it("refuses a wrong password without showing it", async () => {
      const registry = { username: USER.username, password: "wrong-Secret-123" };
      const error = await scanRegistry(`${host}/test/alpine:3.10`, { registry }).catch((e) => e);
      expect(error.message).toMatch(/credentials were refused/);
      expect(`${error.message} ${error.stack} ${error.cause}`).not.toContain("wrong-Secret-123");
    });

    it("logs in with flags, and the password is nowhere in the result", async () => {
      const result = await scanRegistry(`${host}/test/alpine:3.10`, { registry: USER });
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
      expect(JSON.stringify(result)).not.toContain(USER.password);
    });

    it("logs in from config.json auths", async () => {
      const dir = join(work, "docker-auths");
      mkdirSync(dir, { recursive: true });
      const auth = Buffer.from(`${USER.username}:${USER.password}`).toString("base64");
      writeFileSync(join(dir, "config.json"), JSON.stringify({ auths: { [host]: { auth } } }));
      const result = await scanRegistry(`${host}/test/alpine:3.10`, {
        registry: { dockerConfigDir: dir },
      });
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
    });

    it("logs in through a credential helper named in credHelpers", async () => {
      const dir = join(work, "docker-helper");
      mkdirSync(dir, { recursive: true });
      const helper = join(dir, "docker-credential-ladingtest");
      const answer = JSON.stringify({
        ServerURL: host,
        Username: USER.username,
        Secret: USER.password,
      });
      writeFileSync(
        helper,
        `#!/bin/sh\nread host\n[ "$host" = "${host}" ] || exit 1\necho '${answer}'\n`,
      );
      chmodSync(helper, 0o755);
      writeFileSync(
        join(dir, "config.json"),
        JSON.stringify({ credHelpers: { [host]: "ladingtest" } }),
      );
      const path = process.env.PATH;
      process.env.PATH = `${dir}:${path}`;
      try {
        const result = await scanRegistry(`${host}/test/alpine:3.10`, {
          registry: { dockerConfigDir: dir },
        });
        expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
      } finally {
        process.env.PATH = path;
      }
    });
  });

  describe("with TLS from a throwaway CA", () => {
    let host: string;
    let ca: string;
    beforeAll(async () => {
      const certs = makeCertificates(mkdtempSync(join(work, "certs-")));
      ca = certs.ca;
      const registry = await startRegistry({ storage, tls: { cert: certs.cert, key: certs.key } });
      stops.push(registry.stop);
      host = registry.host;
    });

    it("refuses the unknown CA, then trusts it from --ca-file", async () => {
      await expect(scanRegistry(`${host}/test/alpine:3.10`)).rejects.toThrow(
        /could not be reached.*certificate/,
      );
      const result = await scanRegistry(`${host}/test/alpine:3.10`, { registry: { caFile: ca } });
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
    });

    it("accepts any certificate with --insecure", async () => {
      const result = await scanRegistry(`${host}/test/alpine:3.10`, {
        registry: { insecure: true },
      });
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
    });
  });

  describe("with bearer tokens", () => {
    let host: string;
    let tokens: TokenServer;
    beforeAll(async () => {
      tokens = await startTokenServer(mkdtempSync(join(work, "token-")), USER);
      stops.push(tokens.stop);
      const registry = await startRegistry({ storage, token: tokens });
      stops.push(registry.stop);
      host = registry.host;
    });

    it("fetches a token from the challenge's realm and scans", async () => {
      const before = tokens.requests;
      const result = await scanRegistry(`${host}/test/alpine:3.10`, { registry: USER });
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
      expect(tokens.requests).toBe(before + 1);
    });

    it("reports a refused token request without the password", async () => {
      const registry = { username: USER.username, password: "not-the-Pass-987" };
      const error = await scanRegistry(`${host}/test/alpine:3.10`, { registry }).catch((e) => e);
      expect(error.message).toMatch(/token service 127\.0\.0\.1:\d+ answered HTTP 401/);
      expect(`${error.message} ${error.stack}`).not.toContain("not-the-Pass-987");
    });
  });

  describe("through a proxy that misbehaves", () => {
    let proxy: FaultyProxy;
    beforeAll(async () => {
      proxy = await startFaultyProxy(plain.host);
      stops.push(proxy.stop);
    });

    const layerBlob = () => base.json.layers[0].digest as string;
    const isLayer = (url = "") => url.endsWith(`/blobs/${layerBlob()}`);

    it("retries a 503 and resumes a blob whose connection dropped half way", async () => {
      let unavailable = 1;
      let dropped = 1;
      let resumedWith: string | undefined;
      proxy.setFault((req) => {
        if (isLayer(req.url) && req.headers.range) resumedWith = req.headers.range;
        if (req.url?.includes("/manifests/") && unavailable-- > 0) return "unavailable";
        if (isLayer(req.url) && !req.headers.range && dropped-- > 0) return "drop-mid-blob";
        return undefined;
      });
      const result = await scanRegistry(`${proxy.host}/test/alpine:3.10`);
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
      expect(unavailable).toBe(-1);
      expect(dropped).toBe(0);
      expect(resumedWith).toMatch(/^bytes=[1-9]\d*-$/);
    });

    it("fails when the connection drops every time", async () => {
      proxy.setFault((req) => (isLayer(req.url) ? "drop-mid-blob" : undefined));
      await expect(scanRegistry(`${proxy.host}/test/alpine:3.10`)).rejects.toThrow(
        /blob could not be read/,
      );
    });

    it("fails on a blob whose bytes do not match its digest", async () => {
      proxy.setFault((req) => (isLayer(req.url) ? "corrupt-blob" : undefined));
      await expect(scanRegistry(`${proxy.host}/test/alpine:3.10`)).rejects.toThrow(
        DigestMismatchError,
      );
    });

    it("refuses a schema 1 manifest with a reason", async () => {
      proxy.setFault((req) => (req.url?.includes("/manifests/") ? "schema1" : undefined));
      await expect(scanRegistry(`${proxy.host}/test/alpine:3.10`)).rejects.toThrow(
        /schema 1 manifest, which Lading does not read/,
      );
    });

    it("reads only the new layer of a sibling image once the base is cached", async () => {
      proxy.setFault(() => undefined);
      const cache = new DiskLayerCache({ dir: join(work, "layer-cache") });
      proxy.blobGets.length = 0;
      await scanRegistry(`${proxy.host}/test/alpine:3.10`, { layerCache: cache });
      expect(proxy.blobGets.filter((u) => isLayer(u))).toHaveLength(1);
      proxy.blobGets.length = 0;
      const sibling = await scanRegistry(`${proxy.host}/test/alpine:sibling`, {
        layerCache: cache,
      });
      expect(proxy.blobGets.filter((u) => isLayer(u))).toHaveLength(0);
      expect(sibling.image?.layers).toHaveLength(2);
      expect(packagesOf(sibling)).toEqual(packagesOf(archiveResult));
    });

    it("drops a corrupt cache entry and reads the layer again", async () => {
      const dir = join(work, "layer-cache");
      const cache = new DiskLayerCache({ dir });
      for (const name of readdirSync(dir)) writeFileSync(join(dir, name), "garbage");
      proxy.blobGets.length = 0;
      const result = await scanRegistry(`${proxy.host}/test/alpine:3.10`, { layerCache: cache });
      expect(proxy.blobGets.filter((u) => isLayer(u))).toHaveLength(1);
      expect(packagesOf(result)).toEqual(packagesOf(archiveResult));
    });
  });
});
