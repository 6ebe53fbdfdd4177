/**
 * The layers report: where an image's bytes went, layer by layer. Its JSON shape is stable
 * (`schemaVersion` changes when a field changes meaning or goes away; new optional fields may
 * appear without one), because the server stores it with each snapshot.
 *
 * Byte figures come from tar headers only; no file is read for its size. A file's bytes are
 * what its layer stored for it: a hard link stores none of its own, so content shared by hard
 * links counts once, for the layer and path that stored it.
 */
import type { SourceInfo, Unknown } from "../types.js";
import type { CacheCategoryId } from "./cache-paths.js";

/** Version of the report's JSON shape. */
export const LAYERS_REPORT_SCHEMA_VERSION = 1;

/**
 * Why bytes a layer stored are counted as waste:
 * - `deleted`: a later layer removed the file (whiteout, opaque directory, or a directory or
 *   parent directory written over it), so its bytes ship but are never seen;
 * - `overwritten`: the same path was written again, by a later layer or later in the same
 *   layer (a file duplicated across layers: `chmod`/`chown` in a later step, a config rewritten);
 * - a cache category (`apt-lists`, `apk-cache`, `tmp`, ...): the file survives to the final
 *   view but is a package manager's cache or a temporary file left behind.
 */
export type WasteCategory = "deleted" | "overwritten" | CacheCategoryId;

/** A path and its size in bytes. */
export interface SizedPath {
  path: string;
  bytes: number;
  /** Index of the layer that stored the bytes (absent for directories). */
  layer?: number;
}

/** Waste of one category in one layer (or, in the summary, summed over all layers). */
export interface WasteItem {
  category: WasteCategory;
  bytes: number;
  /** Files counted; zero-byte files among them. */
  files: number;
  /** The largest files of this category (at most five), largest first. */
  largest: SizedPath[];
  /** How to avoid this waste, for cache categories. */
  hint?: string;
}

/** Counts of non-directory entries (files, links, devices) one layer changed. */
export interface FileChanges {
  /** Paths the layers below did not have. */
  added: number;
  /** Paths the layers below had, written again (`modified` even when the bytes are equal). */
  modified: number;
  /** Paths of the layers below that this layer removes, children of opaque directories included. */
  removed: number;
}

/** A package as the layers report lists it. */
export interface LayerPackage {
  name: string;
  version: string;
  type: string;
  purl: string;
}

/** One layer: what made it, what it weighs, what it changed and what of it is waste. */
export interface LayerReport {
  index: number;
  /** Blob digest as stored; absent for a directory scan. */
  digest?: string;
  /** Digest of the uncompressed tar. */
  diffId?: string;
  /** The instruction that created the layer, from the image config's history. */
  createdBy?: string;
  /** Size of the blob as stored: compressed for gzip/zstd layers, the tar itself otherwise. */
  compressedBytes?: number;
  /** Bytes of file content the layer's tar holds (sum of its entries' header sizes). */
  uncompressedBytes: number;
  files: FileChanges;
  /** Packages whose `layer` is this layer's diff ID: the ones this layer brought. */
  packages: LayerPackage[];
  /** Sum of the `waste` items: bytes of this layer that are waste. */
  wastedBytes: number;
  /** Waste by category, largest first; categories with no bytes are left out. */
  waste: WasteItem[];
}

/** Figures for the whole image. */
export interface LayersSummary {
  layerCount: number;
  /** Sum of the layers' `compressedBytes`, when every layer's is known. */
  compressedBytes?: number;
  /** Sum of the layers' `uncompressedBytes`: the image's total size. */
  uncompressedBytes: number;
  /** Bytes of file content every layer stored, hard links counted once. */
  storedBytes: number;
  /** Of `storedBytes`, the bytes still visible in the final (squashed) view. */
  finalBytes: number;
  /** Non-directory entries of the final view. */
  finalFiles: number;
  /**
   * `finalBytes / storedBytes` (1 when nothing is stored): the share of stored bytes that
   * survive to the final view. This is Dive's efficiency idea (duplicated and removed files
   * discount the score, weighted by size) measured exactly; Dive itself approximates it by
   * taking each path's smallest version as the one needed. Caches left behind do not lower it.
   */
  efficiency: number;
  /** Bytes of every waste category in every layer: deleted, overwritten and caches left behind. */
  wastedBytes: number;
  /** `wastedBytes / storedBytes` (0 when nothing is stored). */
  wastedPercent: number;
  /** Waste by category over all layers, largest first. */
  waste: WasteItem[];
}

/** The report `lading layers` prints and the server stores with a snapshot. */
export interface LayersReport {
  schemaVersion: typeof LAYERS_REPORT_SCHEMA_VERSION;
  source: SourceInfo;
  /** Image ID (config digest), when the source is an image. */
  imageId?: string;
  repoTags?: string[];
  summary: LayersSummary;
  /** Bottom layer first. */
  layers: LayerReport[];
  /** The largest files of the final view, largest first (hard links at their target's size). */
  largestFiles: SizedPath[];
  /** The directories of the final view holding the most bytes (all depths, root excluded). */
  largestDirectories: SizedPath[];
  /** What the layers could not be read for: broken tars, skipped entries. */
  unknowns: Unknown[];
}
