import { SourceError } from "../../errors.js";
import { createDigester, verifyDigest } from "../../filetree/digest.js";
import type { ImageMetadata } from "../../types.js";
import { MAX_METADATA_BYTES, parseJson } from "../archive/image-files.js";
import { indexLayersCached } from "../cache/cached-layers.js";
import { buildMetadata, parseImageConfig, platformString } from "../oci/image-config.js";
import { matchesPlatform } from "../oci/select-image.js";
import type { Descriptor } from "../oci/types.js";
import type { BlobLayer, OpenedSource, SourceOptions } from "../types.js";
import { Authenticator } from "./auth.js";
import { openBlobStream } from "./blob-stream.js";
import { RegistryClient, type RetryPolicy } from "./client.js";
import { findCredentials } from "./credentials.js";
import { resolveManifest } from "./manifests.js";
import { hostPlatform } from "./platform.js";
import {
  apiHost,
  formatReference,
  type ImageReference,
  isLoopbackHost,
  manifestReference,
} from "./reference.js";
import { createTransport, readBody } from "./transport.js";

/**
 * Opens an image in a registry: resolves its manifest (through an index, by platform), reads
 * and checks its config, and streams each layer blob from the registry when indexed.
 */
export async function openRegistryImage(
  ref: ImageReference,
  options: SourceOptions,
  retry?: RetryPolicy,
): Promise<OpenedSource> {
  const registry = options.registry ?? {};
  const transport = createTransport(registry);
  const host = apiHost(ref.domain);
  const auth = new Authenticator({
    transport,
    host,
    repository: ref.repository,
    credentials: () => findCredentials(ref.domain, registry),
  });
  const allowPlainHttp = registry.insecure === true || isLoopbackHost(ref.domain);
  const client = new RegistryClient({
    transport,
    auth,
    host,
    repository: ref.repository,
    allowPlainHttp,
    retry,
  });
  try {
    const metadata = await readMetadata(client, ref, options.platform);
    const layers: BlobLayer[] = metadata.layers.map((info) => ({
      info,
      open: async () => openBlobStream(client, info.digest, info.size),
    }));
    return {
      metadata,
      index: (policy) => indexLayersCached(layers, policy, options),
      close: async () => transport.close(),
    };
  } catch (err) {
    transport.close();
    throw err;
  }
}

async function readMetadata(
  client: RegistryClient,
  ref: ImageReference,
  platform: string | undefined,
): Promise<ImageMetadata> {
  const wanted = platform ?? hostPlatform();
  const resolved = await resolveManifest(client, manifestReference(ref), wanted);
  const bytes = await readConfig(client, resolved.manifest.config);
  const config = parseImageConfig(
    parseJson(bytes, "image config"),
    `config of ${formatReference(ref)}`,
  );
  const have = platformString(config);
  if (platform !== undefined && !resolved.indexDigest && !matchesPlatform(have, platform)) {
    throw new SourceError(
      `${formatReference(ref)} is for ${have ?? "no stated platform"}, not ${platform}`,
    );
  }
  const repo = `${ref.domain}/${ref.repository}`;
  const digest = resolved.indexDigest ?? resolved.digest;
  return buildMetadata(config, resolved.manifest.layers, {
    configDigest: resolved.manifest.config.digest,
    manifestDigest: resolved.digest,
    repoTags: ref.tag ? [`${repo}:${ref.tag}`] : [],
    repoDigests: [`${repo}@${digest}`],
  });
}

async function readConfig(client: RegistryClient, descriptor: Descriptor): Promise<Buffer> {
  const label = `image config ${descriptor.digest}`;
  const res = await client.get(`blobs/${descriptor.digest}`, label);
  const bytes = await readBody(res, MAX_METADATA_BYTES);
  const { hash, algorithm } = createDigester(descriptor.digest);
  const measured = {
    digest: `${algorithm}:${hash.update(bytes).digest("hex")}`,
    size: bytes.length,
  };
  verifyDigest({ digest: descriptor.digest, size: descriptor.size, label }, measured);
  return bytes;
}
