import { ImageFormatError } from "../../errors.js";
import type { ImageFiles } from "../archive/image-files.js";
import { parseJson } from "../archive/image-files.js";
import { readVerifiedBlob } from "./blobs.js";
import { looksLikeIndex, parseIndex, parseManifest } from "./parse-manifest.js";
import {
  type Descriptor,
  type ImageManifest,
  isIndexMediaType,
  NAME_ANNOTATIONS,
} from "./types.js";

/** An image manifest reachable from an index, with the names the index gives it. */
export interface FoundManifest {
  descriptor: Descriptor;
  manifest: ImageManifest;
  /** `org.opencontainers.image.ref.name` and `io.containerd.image.name` values, outermost first. */
  names: string[];
}

/** Nested indexes followed at most; deeper nesting is taken as a loop. */
const MAX_DEPTH = 4;

/** What a walk of nested indexes has met so far, by digest. */
export interface Walk {
  found: Map<string, FoundManifest>;
  expanded: Set<string>;
}

/**
 * Follows an index (and the indexes it points at) down to every image manifest. Attestation
 * manifests that BuildKit adds beside images are left out: they hold no file system. Each
 * digest is read once: an index that lists the same index a hundred times, three deep, would
 * otherwise be a million reads; a manifest met again only adds the names it is listed under.
 */
export async function collectManifests(
  files: ImageFiles,
  descriptors: Descriptor[],
  inherited: string[] = [],
  depth = 0,
  walk: Walk = { found: new Map(), expanded: new Set() },
): Promise<FoundManifest[]> {
  if (depth > MAX_DEPTH) throw new ImageFormatError(`${files.label}: indexes nest too deep`);
  for (const descriptor of descriptors) {
    if (isAttestation(descriptor) || walk.expanded.has(descriptor.digest)) continue;
    const names = [...inherited, ...namesOf(descriptor)];
    const known = walk.found.get(descriptor.digest);
    if (known !== undefined) {
      known.names = [...new Set([...known.names, ...names])];
      continue;
    }
    const what = `manifest ${descriptor.digest}`;
    const json = parseJson(await readVerifiedBlob(files, descriptor, what), what);
    if (isIndexMediaType(descriptor.mediaType) || looksLikeIndex(json)) {
      walk.expanded.add(descriptor.digest);
      const index = parseIndex(json, what);
      await collectManifests(files, index.manifests, names, depth + 1, walk);
    } else {
      walk.found.set(descriptor.digest, { descriptor, manifest: parseManifest(json, what), names });
    }
  }
  return [...walk.found.values()];
}

function namesOf(descriptor: Descriptor): string[] {
  const { refName, containerdName } = NAME_ANNOTATIONS;
  const names = [descriptor.annotations[containerdName], descriptor.annotations[refName]];
  return names.filter((n): n is string => n !== undefined && n !== "");
}

function isAttestation(descriptor: Descriptor): boolean {
  const { platform } = descriptor;
  return (
    descriptor.annotations["vnd.docker.reference.type"] === "attestation-manifest" ||
    (platform?.os === "unknown" && platform.architecture === "unknown")
  );
}

/**
 * Repository tags and digests from index names: a full reference (`docker.io/library/alpine:3.10`)
 * is a tag and, with the manifest digest, a repo digest; a bare `3.10` only names a tag.
 */
export function repoNames(names: string[], manifestDigest: string) {
  const full = names.filter((n) => n.includes("/") || n.includes(":"));
  const repoTags = [...new Set(full.length > 0 ? full : names)];
  const repos = full.map((n) => n.replace(/@.*$/, "").replace(/:[^:/]+$/, ""));
  const repoDigests = [...new Set(repos)].map((r) => `${r}@${manifestDigest}`);
  return { repoTags, repoDigests };
}
