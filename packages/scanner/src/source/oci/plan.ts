import type { ImageMetadata, LayerInfo } from "../../types.js";

/** A layer and the file that holds its blob in the source (`blobs/sha256/<hex>`, `<id>/layer.tar`). */
export interface PlannedLayer {
  info: LayerInfo;
  name: string;
}

/** The image a source picked: its metadata and where each layer blob is, bottom first. */
export interface ImagePlan {
  metadata: ImageMetadata;
  layers: PlannedLayer[];
}
