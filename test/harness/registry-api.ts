/**
 * Pushes blobs and manifests to a plain loopback registry through the distribution API, to
 * make what skopeo cannot from one archive: a multi-platform index and a sibling image that
 * shares its base layer.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { pack } from "tar-stream";

const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
const DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
const ACCEPT = `${DOCKER_MANIFEST}, application/vnd.oci.image.manifest.v1+json`;

const digestOf = (bytes: Buffer) => `sha256:${createHash("sha256").update(bytes).digest("hex")}`;

/** A manifest as stored, with its digest and size. */
export interface Pushed {
  digest: string;
  size: number;
  // biome-ignore lint/suspicious/noExplicitAny: tests rewrite arbitrary fields of real manifests
  json: Record<string, any>;
}

async function check(res: Response, what: string): Promise<Response> {
  if (!res.ok) throw new Error(`${what}: HTTP ${res.status} ${await res.text()}`);
  return res;
}

/** Reads a manifest by tag or digest. */
export async function getManifest(host: string, repo: string, ref: string): Promise<Pushed> {
  const res = await check(
    await fetch(`http://${host}/v2/${repo}/manifests/${ref}`, { headers: { accept: ACCEPT } }),
    "get manifest",
  );
  const bytes = Buffer.from(await res.arrayBuffer());
  return { digest: digestOf(bytes), size: bytes.length, json: JSON.parse(bytes.toString()) };
}

/** Reads a blob whole. */
export async function getBlob(host: string, repo: string, digest: string): Promise<Buffer> {
  const res = await check(await fetch(`http://${host}/v2/${repo}/blobs/${digest}`), "get blob");
  return Buffer.from(await res.arrayBuffer());
}

/** Uploads a blob in one monolithic PUT; returns its digest. */
export async function putBlob(host: string, repo: string, bytes: Buffer): Promise<string> {
  const start = await check(
    await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: "POST" }),
    "start upload",
  );
  const location = new URL(start.headers.get("location") ?? "", `http://${host}`);
  const digest = digestOf(bytes);
  location.searchParams.set("digest", digest);
  const body = new Uint8Array(bytes);
  await check(
    await fetch(location, {
      method: "PUT",
      body,
      headers: { "content-type": "application/octet-stream" },
    }),
    "put blob",
  );
  return digest;
}

/** Stores a manifest under `ref` (tag or digest). */
export async function putManifest(
  host: string,
  repo: string,
  ref: string,
  json: object,
  mediaType: string,
): Promise<Pushed> {
  const bytes = Buffer.from(JSON.stringify(json));
  const body = new Uint8Array(bytes);
  await check(
    await fetch(`http://${host}/v2/${repo}/manifests/${ref}`, {
      method: "PUT",
      body,
      headers: { "content-type": mediaType },
    }),
    "put manifest",
  );
  // biome-ignore lint/suspicious/noExplicitAny: as in Pushed.json
  return { digest: digestOf(bytes), size: bytes.length, json: json as Record<string, any> };
}

/** A copy of an image with its config saying another platform; the layers are shared. */
export async function pushPlatformCopy(
  host: string,
  repo: string,
  base: Pushed,
  architecture: string,
  variant?: string,
): Promise<Pushed> {
  const config = JSON.parse((await getBlob(host, repo, base.json.config.digest)).toString());
  Object.assign(config, { architecture, variant });
  const bytes = Buffer.from(JSON.stringify(config));
  const digest = await putBlob(host, repo, bytes);
  const manifest = { ...base.json, config: { ...base.json.config, digest, size: bytes.length } };
  const pushed = await putManifest(host, repo, `${architecture}`, manifest, base.json.mediaType);
  return pushed;
}

/** An OCI index of manifests, each with its platform, tagged `tag`. */
export async function pushIndex(
  host: string,
  repo: string,
  tag: string,
  entries: { manifest: Pushed; platform: Record<string, string> }[],
) {
  const manifests = entries.map(({ manifest, platform }) => ({
    mediaType: manifest.json.mediaType,
    digest: manifest.digest,
    size: manifest.size,
    platform,
  }));
  return putManifest(
    host,
    repo,
    tag,
    { schemaVersion: 2, mediaType: OCI_INDEX, manifests },
    OCI_INDEX,
  );
}

/** The base image plus one gzip layer holding `files`: a sibling sharing the base layer. */
export async function pushSibling(
  host: string,
  repo: string,
  base: Pushed,
  tag: string,
  files: Record<string, string>,
): Promise<Pushed> {
  const tar = await tarOf(files);
  const layer = gzipSync(tar);
  const layerDigest = await putBlob(host, repo, layer);
  const config = JSON.parse((await getBlob(host, repo, base.json.config.digest)).toString());
  config.rootfs.diff_ids.push(digestOf(tar));
  config.history = [...(config.history ?? []), { created_by: "test: add files" }];
  const configBytes = Buffer.from(JSON.stringify(config));
  const configDigest = await putBlob(host, repo, configBytes);
  const layers = [
    ...base.json.layers,
    {
      mediaType: "application/vnd.docker.image.rootfs.diff.tar.gzip",
      digest: layerDigest,
      size: layer.length,
    },
  ];
  const manifest = {
    ...base.json,
    config: { ...base.json.config, digest: configDigest, size: configBytes.length },
    layers,
  };
  return putManifest(host, repo, tag, manifest, base.json.mediaType);
}

async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const tar = pack();
  for (const [name, body] of Object.entries(files)) tar.entry({ name, mode: 0o644 }, body);
  tar.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of tar) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
