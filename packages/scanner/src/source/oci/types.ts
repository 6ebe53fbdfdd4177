/**
 * The parts of the OCI image spec (https://github.com/opencontainers/image-spec/tree/v1.1.0)
 * and of Docker's schema 2 manifests that a scan reads.
 */

/** A content descriptor: what a blob is, its digest and size. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  platform?: Platform;
  annotations: Record<string, string>;
}

/** The platform an image in an index is built for. */
export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
}

/** An image manifest: one config and its layers, bottom first. */
export interface ImageManifest {
  mediaType?: string;
  config: Descriptor;
  layers: Descriptor[];
}

/** An image index (or Docker manifest list): manifests for several images or platforms. */
export interface ImageIndex {
  manifests: Descriptor[];
}

export const MEDIA_TYPES = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
} as const;

/** Annotations that name an image in an index, as OCI tools and containerd write them. */
export const NAME_ANNOTATIONS = {
  refName: "org.opencontainers.image.ref.name",
  containerdName: "io.containerd.image.name",
} as const;

/** True for media types of an index or manifest list, which point at more manifests. */
export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPES.ociIndex || mediaType === MEDIA_TYPES.dockerList;
}
