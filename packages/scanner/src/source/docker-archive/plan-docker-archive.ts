import { DigestMismatchError } from "../../errors.js";
import { detectCompression } from "../../filetree/decompress.js";
import { hashBytes } from "../archive/hash-stream.js";
import { type ImageFiles, missingFile, parseJson, readJson } from "../archive/image-files.js";
import { digestOfPath } from "../oci/blobs.js";
import { collectManifests, type FoundManifest } from "../oci/collect-manifests.js";
import {
  buildMetadata,
  type ImageConfig,
  parseImageConfig,
  platformString,
  type StoredLayer,
} from "../oci/image-config.js";
import { parseIndex } from "../oci/parse-manifest.js";
import type { ImagePlan } from "../oci/plan.js";
import { type Selection, selectImage } from "../oci/select-image.js";
import { type DockerManifestEntry, parseDockerManifest } from "./parse-docker-manifest.js";

/** One image of the archive with its config read and checked. */
interface Candidate {
  entry: DockerManifestEntry;
  config: ImageConfig;
  configDigest: string;
  /** The OCI manifest of this image, when the archive also holds an OCI index (Docker 25+). */
  oci?: FoundManifest;
}

/**
 * Reads `manifest.json` of a `docker save` archive, in the classic layout (`<id>/layer.tar`) or
 * Docker 25's OCI layout (`blobs/sha256/...`), and picks the image the selection names.
 */
export async function planDockerArchive(files: ImageFiles, wanted: Selection): Promise<ImagePlan> {
  const what = `manifest.json in ${files.label}`;
  const entries = parseDockerManifest(await readJson(files, "manifest.json"), what);
  const ociManifests = await readOciManifests(files);
  const candidates = await Promise.all(entries.map((e) => readCandidate(files, e, ociManifests)));
  const choices = candidates.map((c) => ({
    item: c,
    names: c.entry.repoTags,
    digests: [c.configDigest, ...(c.oci ? [c.oci.descriptor.digest] : [])],
    platform: platformString(c.config),
  }));
  return planCandidate(files, selectImage(choices, wanted, files.label));
}

async function readCandidate(
  files: ImageFiles,
  entry: DockerManifestEntry,
  ociManifests: FoundManifest[],
): Promise<Candidate> {
  if ((await files.size(entry.config)) === undefined) throw missingFile(files, entry.config);
  const bytes = await files.read(entry.config);
  const configDigest = hashBytes(bytes);
  // The config's name is its digest (`<hex>.json` or `blobs/sha256/<hex>`): hold it to that.
  const named = digestOfPath(entry.config) ?? classicDigest(entry.config);
  if (named !== undefined && named !== configDigest) {
    throw new DigestMismatchError(
      `config ${entry.config} in ${files.label} hashes to ${configDigest}, not ${named}`,
    );
  }
  const config = parseImageConfig(parseJson(bytes, entry.config), `config ${entry.config}`);
  const oci = ociManifests.find((m) => m.manifest.config.digest === configDigest);
  return { entry, config, configDigest, oci };
}

function classicDigest(name: string): string | undefined {
  const match = /^([0-9a-f]{64})\.json$/.exec(name);
  return match ? `sha256:${match[1]}` : undefined;
}

/** Docker 25+ writes an OCI index beside `manifest.json`; it gives manifest digests and names. */
async function readOciManifests(files: ImageFiles): Promise<FoundManifest[]> {
  if ((await files.size("index.json")) === undefined) return [];
  const what = `index.json in ${files.label}`;
  const index = parseIndex(await readJson(files, "index.json"), what);
  return collectManifests(files, index.manifests);
}

async function planCandidate(files: ImageFiles, candidate: Candidate): Promise<ImagePlan> {
  const { entry, config, configDigest, oci } = candidate;
  const stored = await Promise.all(
    entry.layers.map((name, i) => storedLayer(files, name, config.diffIds[i])),
  );
  const manifestLayers = oci?.manifest.layers;
  for (const [i, layer] of stored.entries()) {
    layer.mediaType = manifestLayers?.[i]?.mediaType ?? layer.mediaType;
  }
  const manifestDigest = oci?.descriptor.digest;
  const repoTags = entry.repoTags;
  const repoDigests = manifestDigest ? repoDigestsOf(repoTags, manifestDigest) : [];
  const metadata = buildMetadata(config, stored, {
    configDigest,
    manifestDigest,
    repoTags,
    repoDigests,
  });
  const layers = metadata.layers.map((info) => ({
    info,
    name: entry.layers[info.index] as string,
  }));
  return { metadata, layers };
}

/**
 * What is known of a stored layer before it is read. A classic `layer.tar` is uncompressed, so
 * its digest is its diff ID and reading it checks that; a compressed one is hashed first.
 */
async function storedLayer(
  files: ImageFiles,
  name: string,
  diffId: string | undefined,
): Promise<StoredLayer> {
  const size = await files.size(name);
  if (size === undefined) throw missingFile(files, name);
  const compression = detectCompression(await files.head(name, 4));
  const mediaType =
    compression === "none"
      ? "application/vnd.docker.image.rootfs.diff.tar"
      : `application/vnd.docker.image.rootfs.diff.tar.${compression}`;
  const named = digestOfPath(name);
  if (named !== undefined) return { digest: named, size, mediaType };
  if (compression === "none" && diffId !== undefined) return { digest: diffId, size, mediaType };
  return { digest: await files.digest(name), size, mediaType };
}

function repoDigestsOf(repoTags: string[], manifestDigest: string): string[] {
  const repos = repoTags.map((t) => t.replace(/:[^:/]+$/, ""));
  return [...new Set(repos)].map((r) => `${r}@${manifestDigest}`);
}
