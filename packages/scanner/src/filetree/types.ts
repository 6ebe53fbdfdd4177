import type { Unknown } from "../types.js";

/** Kind of a file-system node. Hard links are resolved to the file they share content with. */
export type NodeType = "file" | "dir" | "symlink" | "other";

/** One entry as a layer (or a directory walk) presents it, before squashing. */
export interface LayerEntry {
  /** Normalised absolute path (see `normalizeEntryPath`). */
  path: string;
  type: NodeType | "hardlink";
  size: number;
  mode: number;
  /** Symlink target as written, or the hard link's target path (normalised). */
  linkTarget?: string;
}

/** A file the scan kept the bytes of, because a cataloger asked for its path. */
export interface CapturedFile {
  path: string;
  /** Index of the layer that wrote this version. */
  layerIndex: number;
  content: Buffer;
}

/** Decides whether a file's bytes are kept, and up to what size. */
export interface CapturePolicy {
  /** Cheap test on the absolute path alone; true keeps the bytes. */
  wants(path: string): boolean;
  /** Largest file whose bytes are kept for this path; larger ones become unknowns. */
  maxSize(path: string): number;
  /**
   * A second look once a wanted file's bytes are read: what to hold of them until cataloging.
   * Undefined drops them (the entry stays in the index), so a reader that must open every
   * executable keeps only those holding what it reads; it may also answer with a condensed
   * record of the bytes (a Go binary's build info), so that what is held does not grow with the
   * size of the files read. Absent, all bytes are kept as read. A promise is awaited before the
   * layer's index is complete.
   */
  keep?(path: string, content: Buffer): Buffer | undefined | Promise<Buffer | undefined>;
  /**
   * A first look at a wanted file's first `HEAD_BYTES` bytes: false stops reading it there (the
   * entry stays in the index), so a big file that cannot be what a reader wants is never held.
   * Absent, every wanted file is read whole.
   */
  keepsHead?(path: string, head: Buffer): boolean;
  /**
   * Names what this policy captures (the cataloger set and its version), so a layer cache can
   * tell whether an index read under another policy may be reused. No key, no caching.
   */
  key?: string;
  /** How a worker thread rebuilds this policy; absent, layers are read on the calling thread. */
  portable?: PortablePolicy;
}

/**
 * A capture policy as data, since its predicates cannot cross threads: the URL of an ES module
 * whose `catalogers` export holds the readers, and the names of those the policy is made of.
 */
export interface PortablePolicy {
  module: string;
  names: readonly string[];
}

/** What one layer holds, recorded while streaming it, before it is squashed with the others. */
export interface LayerIndex {
  layerIndex: number;
  /** Entries in archive order, whiteout markers excluded. */
  entries: LayerEntry[];
  /** Paths this layer deletes from the layers below it (`.wh.NAME`). */
  whiteouts: string[];
  /** Directories whose lower-layer contents this layer hides (`.wh..wh..opq`). */
  opaqueDirs: string[];
  captured: Map<string, Buffer>;
  unknowns: Unknown[];
  /** Uncompressed bytes of the layer tar (or files walked). */
  bytes: number;
}
