import type { CapturePolicy, LayerIndex } from "../../filetree/types.js";
import type { ImageMetadata } from "../../types.js";
import { indexLayersCached } from "../cache/cached-layers.js";
import type { ImagePlan } from "../oci/plan.js";
import type { Selection } from "../oci/select-image.js";
import type { OpenedSource, SourceOptions } from "../types.js";
import { sniffFile } from "./archive-names.js";
import type { ImageFiles, RandomAccessFiles } from "./image-files.js";
import { matchStreamedLayers } from "./match-streamed.js";
import { streamArchive } from "./streamed-archive.js";
import { openTarFiles } from "./tar-files.js";

/** Reads an image format from its files and picks one image: docker-archive or OCI layout. */
export type Planner = (files: ImageFiles, wanted: Selection) => Promise<ImagePlan>;

/**
 * Opens an image archive on disk. An uncompressed tar is indexed by its headers and its blobs
 * read in place; a compressed one can only be streamed, so it is read once, on `index()`, and
 * its metadata is known from then on.
 */
export async function openImageArchive(
  path: string,
  planner: Planner,
  options: SourceOptions,
): Promise<OpenedSource> {
  if ((await sniffFile(path)) === "compressed") return openStreamed(path, planner, options);
  const files = await openTarFiles(path);
  try {
    return openPlanned(files, await planner(files, options), options, files.close);
  } catch (err) {
    await files.close();
    throw err;
  }
}

/** An image whose blobs can be opened at will: each layer is streamed and verified on `index()`. */
export function openPlanned(
  files: RandomAccessFiles,
  plan: ImagePlan,
  options: SourceOptions,
  close: () => Promise<void>,
): OpenedSource {
  const layers = plan.layers.map(({ info, name }) => ({ info, open: () => files.open(name) }));
  return {
    metadata: plan.metadata,
    async index(policy, onIndex) {
      const located = await Promise.all(plan.layers.map(({ name }) => files.locate?.(name)));
      const withPlaces = layers.map((layer, i) => ({ ...layer, location: located[i] }));
      return indexLayersCached(withPlaces, policy, options, undefined, onIndex);
    },
    close,
  };
}

function openStreamed(path: string, planner: Planner, options: SourceOptions): OpenedSource {
  let metadata: ImageMetadata | undefined;
  return {
    get metadata() {
      return metadata;
    },
    async index(policy: CapturePolicy): Promise<LayerIndex[]> {
      const archive = await streamArchive(path, policy);
      const plan = await planner(archive, options);
      metadata = plan.metadata;
      return matchStreamedLayers(archive, plan);
    },
    close: async () => {},
  };
}
