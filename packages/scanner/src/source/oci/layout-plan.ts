import { ImageFormatError } from "../../errors.js";
import { type ImageFiles, parseJson, readJson } from "../archive/image-files.js";
import { blobPath, readVerifiedBlob } from "./blobs.js";
import { collectManifests, type FoundManifest, repoNames } from "./collect-manifests.js";
import {
  buildMetadata,
  type ImageConfig,
  parseImageConfig,
  platformString,
} from "./image-config.js";
import { isObject, parseIndex } from "./parse-manifest.js";
import type { ImagePlan } from "./plan.js";
import { type ImageChoice, type Selection, selectImage } from "./select-image.js";

/** A manifest from the index together with its parsed config. */
interface Candidate extends FoundManifest {
  config: ImageConfig;
}

/**
 * Reads an OCI image layout (https://github.com/opencontainers/image-spec/blob/v1.1.0/image-layout.md)
 * from `files` and picks the one image the selection names.
 */
export async function planOciLayout(files: ImageFiles, wanted: Selection): Promise<ImagePlan> {
  await checkLayoutVersion(files);
  const candidates = await readCandidates(files);
  const chosen = selectImage(candidates.map(toChoice), wanted, files.label);
  return planCandidate(chosen);
}

/** Every image manifest the layout's index leads to, with its config. */
export async function readCandidates(files: ImageFiles): Promise<Candidate[]> {
  const index = parseIndex(await readJson(files, "index.json"), `index.json in ${files.label}`);
  const found = await collectManifests(files, index.manifests);
  return Promise.all(found.map(async (f) => ({ ...f, config: await readConfig(files, f) })));
}

async function readConfig(files: ImageFiles, found: FoundManifest): Promise<ImageConfig> {
  const what = `config ${found.manifest.config.digest}`;
  const bytes = await readVerifiedBlob(files, found.manifest.config, what);
  return parseImageConfig(parseJson(bytes, what), what);
}

async function checkLayoutVersion(files: ImageFiles): Promise<void> {
  if ((await files.size("oci-layout")) === undefined) return;
  const layout = await readJson(files, "oci-layout");
  if (!isObject(layout) || typeof layout.imageLayoutVersion !== "string") {
    throw new ImageFormatError(`oci-layout in ${files.label} has no imageLayoutVersion`);
  }
}

function toChoice(candidate: Candidate): ImageChoice<Candidate> {
  return {
    item: candidate,
    names: candidate.names,
    digests: [candidate.descriptor.digest, candidate.manifest.config.digest],
    platform: platformString(candidate.descriptor.platform ?? candidate.config),
  };
}

function planCandidate(candidate: Candidate): ImagePlan {
  const { descriptor, manifest, config } = candidate;
  const metadata = buildMetadata(config, manifest.layers, {
    configDigest: manifest.config.digest,
    manifestDigest: descriptor.digest,
    ...repoNames(candidate.names, descriptor.digest),
  });
  const layers = metadata.layers.map((info) => ({ info, name: blobPath(info.digest) }));
  return { metadata, layers };
}
