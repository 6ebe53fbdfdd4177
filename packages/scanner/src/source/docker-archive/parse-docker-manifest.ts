import { ImageFormatError } from "../../errors.js";
import { isObject } from "../oci/parse-manifest.js";

/**
 * One image of a `docker save` archive's `manifest.json`
 * (https://github.com/moby/moby/blob/v25.0.0/image/tarexport/tarexport.go).
 */
export interface DockerManifestEntry {
  /** Archive path of the config: `<id>.json`, or `blobs/sha256/<hex>` since Docker 25. */
  config: string;
  repoTags: string[];
  /** Archive paths of the layer blobs, bottom first. */
  layers: string[];
}

/** Validates `manifest.json`: a list of images, each with a config and layers. */
export function parseDockerManifest(value: unknown, what: string): DockerManifestEntry[] {
  if (!Array.isArray(value)) throw new ImageFormatError(`${what} is not a list of images`);
  return value.map((entry, i) => parseEntry(entry, `${what}: image ${i}`));
}

function parseEntry(entry: unknown, what: string): DockerManifestEntry {
  if (!isObject(entry) || typeof entry.Config !== "string") {
    throw new ImageFormatError(`${what} has no Config`);
  }
  const layers = entry.Layers ?? [];
  if (!Array.isArray(layers) || !layers.every((l) => typeof l === "string")) {
    throw new ImageFormatError(`${what} has no valid Layers list`);
  }
  const tags = Array.isArray(entry.RepoTags) ? entry.RepoTags : [];
  return {
    config: entry.Config,
    repoTags: tags.filter((t): t is string => typeof t === "string"),
    layers: layers as string[],
  };
}
