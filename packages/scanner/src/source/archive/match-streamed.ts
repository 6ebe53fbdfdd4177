import { verifyDigest } from "../../filetree/digest.js";
import type { LayerIndex } from "../../filetree/types.js";
import { layerLabel } from "../blob-labels.js";
import type { ImagePlan } from "../oci/plan.js";
import { missingFile } from "./image-files.js";
import type { StreamedArchive } from "./streamed-archive.js";

/**
 * Pairs the layers a manifest names with the blobs indexed while the archive streamed, checking
 * each blob's digest and size. A blob used twice gets its own copy of the index per position.
 */
export function matchStreamedLayers(archive: StreamedArchive, plan: ImagePlan): LayerIndex[] {
  return plan.layers.map(({ info, name }) => {
    const blob = archive.blob(name);
    if (blob === undefined) throw missingFile(archive, name);
    const label = layerLabel(info.index, info.digest);
    verifyDigest({ digest: info.digest, size: info.size, label }, blob);
    const unknowns = blob.index.unknowns.map((u) => ({ ...u, layer: info.diffId }));
    return { ...blob.index, layerIndex: info.index, unknowns };
  });
}
