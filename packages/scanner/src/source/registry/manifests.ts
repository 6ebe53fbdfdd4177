import { DigestMismatchError, ImageFormatError } from "../../errors.js";
import { hashBytes } from "../archive/hash-stream.js";
import { MAX_METADATA_BYTES, parseJson } from "../archive/image-files.js";
import { platformString } from "../oci/image-config.js";
import { isObject, looksLikeIndex, parseIndex, parseManifest } from "../oci/parse-manifest.js";
import { selectImage } from "../oci/select-image.js";
import { type Descriptor, type ImageManifest, MEDIA_TYPES } from "../oci/types.js";
import type { RegistryClient } from "./client.js";
import { RegistryError } from "./registry-error.js";
import { readBody } from "./transport.js";

/**
 * Every manifest type a scan reads, and schema 1 last so that a registry holding only that
 * answers with it and the user learns why it cannot be read, rather than a bare 404.
 */
const ACCEPT = [
  MEDIA_TYPES.ociManifest,
  MEDIA_TYPES.dockerManifest,
  MEDIA_TYPES.ociIndex,
  MEDIA_TYPES.dockerList,
  "application/vnd.docker.distribution.manifest.v1+prettyjws;q=0.1",
  "application/vnd.docker.distribution.manifest.v1+json;q=0.1",
].join(", ");

/** The image manifest a reference resolved to, through an index when it names one. */
export interface ResolvedManifest {
  manifest: ImageManifest;
  digest: string;
  /** Digest of the index the manifest was picked from, when there was one. */
  indexDigest?: string;
}

/** Fetches the manifest `reference` (tag or digest) names and picks the platform from an index. */
export async function resolveManifest(
  client: RegistryClient,
  reference: string,
  platform: string,
): Promise<ResolvedManifest> {
  const top = await fetchManifest(client, reference);
  if (!looksLikeIndex(top.json)) {
    return { manifest: parseManifest(top.json, top.what), digest: top.digest };
  }
  const chosen = chooseFromIndex(top.json, top.what, platform);
  const child = await fetchManifest(client, chosen.digest, chosen.size);
  if (looksLikeIndex(child.json)) {
    throw new ImageFormatError(`${child.what} is an index inside an index, which is not supported`);
  }
  const manifest = parseManifest(child.json, child.what);
  return { manifest, digest: child.digest, indexDigest: top.digest };
}

function chooseFromIndex(json: unknown, what: string, platform: string): Descriptor {
  // Attestations and signatures sit in indexes as `unknown/unknown`: they are no image.
  const images = parseIndex(json, what).manifests.filter(
    (m) => m.platform?.os !== "unknown" && m.platform?.architecture !== "unknown",
  );
  const choices = images.map((m) => ({
    item: m,
    names: [],
    digests: [m.digest],
    platform: m.platform ? platformString(m.platform) : undefined,
  }));
  return selectImage(choices, { platform }, what);
}

interface FetchedManifest {
  json: unknown;
  digest: string;
  what: string;
}

async function fetchManifest(client: RegistryClient, reference: string, size?: number) {
  const what = `manifest ${reference} of ${client.context.repository}`;
  const res = await client.get(`manifests/${reference}`, what, { accept: ACCEPT });
  const bytes = await readBody(res, MAX_METADATA_BYTES);
  const digest = hashBytes(bytes);
  if (reference.includes(":") && reference !== digest) {
    throw new DigestMismatchError(`${what} hashes to ${digest}`);
  }
  if (size !== undefined && bytes.length !== size) {
    throw new DigestMismatchError(`${what} is ${bytes.length} bytes, its index says ${size}`);
  }
  const json = parseJson(bytes, what);
  refuseSchema1(json, String(res.headers["content-type"] ?? ""), what);
  return { json, digest, what } satisfies FetchedManifest;
}

function refuseSchema1(json: unknown, contentType: string, what: string): void {
  // Not a bare `manifest.v1`: the OCI image manifest's type is `...image.manifest.v1+json`.
  const schema1 =
    contentType.includes("distribution.manifest.v1") ||
    (isObject(json) && json.schemaVersion === 1);
  if (!schema1) return;
  throw new RegistryError(
    `${what} is a Docker schema 1 manifest, which Lading does not read: schema 1 has been ` +
      "deprecated since 2017 and lacks layer diff IDs; push the image again with a current " +
      "client (docker push, or skopeo copy) to store it as schema 2 or OCI",
  );
}
