import { ImageFormatError } from "../../errors.js";
import type { HistoryEntry, ImageMetadata, LayerInfo } from "../../types.js";
import { isObject, strings } from "./parse-manifest.js";

/** What an image config (https://github.com/opencontainers/image-spec/blob/v1.1.0/config.md) says. */
export interface ImageConfig {
  os?: string;
  architecture?: string;
  variant?: string;
  created?: string;
  labels: Record<string, string>;
  history: HistoryEntry[];
  /** Digests of the uncompressed layers, bottom first (`rootfs.diff_ids`). */
  diffIds: string[];
}

const text = (v: unknown) => (typeof v === "string" ? v : undefined);

/** Validates an image config; a config without `rootfs.diff_ids` cannot be matched to layers. */
export function parseImageConfig(value: unknown, what: string): ImageConfig {
  if (!isObject(value)) throw new ImageFormatError(`${what} is not a JSON object`);
  const rootfs = isObject(value.rootfs) ? value.rootfs : {};
  const diffIds = rootfs.diff_ids ?? [];
  if (!Array.isArray(diffIds) || !diffIds.every((d) => typeof d === "string")) {
    throw new ImageFormatError(`${what} has no valid rootfs.diff_ids`);
  }
  const inner = isObject(value.config) ? value.config : {};
  return {
    os: text(value.os),
    architecture: text(value.architecture),
    variant: text(value.variant),
    created: text(value.created),
    labels: strings(inner.Labels),
    history: (Array.isArray(value.history) ? value.history : []).filter(isObject).map(toHistory),
    diffIds: diffIds as string[],
  };
}

function toHistory(entry: Record<string, unknown>): HistoryEntry {
  return {
    created: text(entry.created),
    createdBy: text(entry.created_by),
    comment: text(entry.comment),
    emptyLayer: entry.empty_layer === true,
  };
}

/** A stored layer blob as a manifest describes it. */
export interface StoredLayer {
  digest: string;
  size?: number;
  mediaType?: string;
}

/** Everything besides the config that names the image. */
export interface ImageNames {
  configDigest: string;
  manifestDigest?: string;
  repoTags: string[];
  repoDigests: string[];
}

/**
 * Joins a config and the stored layers into {@link ImageMetadata}. History entries that made
 * a layer are matched to the layers in order, which gives each layer its `createdBy`.
 */
export function buildMetadata(
  config: ImageConfig,
  stored: StoredLayer[],
  names: ImageNames,
): ImageMetadata {
  if (stored.length !== config.diffIds.length) {
    throw new ImageFormatError(
      `image ${names.configDigest} lists ${stored.length} layers but its config has ${config.diffIds.length} diff IDs`,
    );
  }
  const createdBy = config.history.filter((h) => !h.emptyLayer).map((h) => h.createdBy);
  const layers: LayerInfo[] = stored.map((layer, index) => ({
    index,
    digest: layer.digest,
    diffId: config.diffIds[index] as string,
    size: layer.size,
    mediaType: layer.mediaType,
    createdBy: createdBy[index],
  }));
  const { os, architecture, variant, created, labels, history } = config;
  return { ...names, os, architecture, variant, created, labels, layers, history };
}

/** `os/arch[/variant]` of a config or descriptor platform, for messages and matching. */
export function platformString(p: { os?: string; architecture?: string; variant?: string }) {
  if (!p.os && !p.architecture) return undefined;
  return [p.os ?? "?", p.architecture ?? "?", p.variant].filter(Boolean).join("/");
}
