import type { FileTree } from "../filetree/file-tree.js";
import type { Logger } from "../logger.js";
import type { Distro, ImageMetadata, Package, Unknown } from "../types.js";

/** What a cataloger sees: the squashed tree with the bytes of the files it asked for. */
export interface CatalogContext {
  tree: FileTree;
  distro?: Distro;
  image?: ImageMetadata;
  /** Diff ID of the layer at `index`, or undefined for a directory scan. */
  layerId(index: number): string | undefined;
  /** Whether the scan is of an image (installed metadata) or a source directory (lockfiles). */
  mode: "image" | "directory";
  logger: Logger;
}

/** What a cataloger found: packages, and what it could not read. */
export interface CatalogResult {
  packages: Package[];
  unknowns: Unknown[];
}

/** What is held of a kept file: a record in its place, or undefined for the bytes as read. */
export type Kept = Buffer | undefined;

/**
 * One cataloger per ecosystem folder under `catalog/`, listed in `catalog/registry.ts`.
 * The walk never opens a file unless some cataloger's `wants` returned true for its path.
 */
export interface Cataloger {
  readonly name: string;
  /** Cheap test on an absolute path alone: true asks the walk to keep this file's bytes. */
  wants(path: string): boolean;
  /** Largest file this cataloger reads, in bytes; bigger files become unknowns. */
  readonly maxFileSize: number;
  /**
   * Optional second look at a wanted file's bytes as the layer is read: false means this
   * cataloger has no use for them (an executable without the data it reads), so they need not
   * be held until cataloging. A file is kept when any reader that wants it keeps it.
   */
  keeps?(path: string, content: Buffer): boolean;
  /**
   * Optional: what of a kept file this cataloger reads, when that is far less than the file (a
   * Go binary's build info, not the binary): the bytes held in the file's place until cataloging,
   * which `catalog` must then read as it reads the file. Asked only when this cataloger is the
   * one reader that keeps the file; undefined holds the bytes as read. It may answer later (a
   * promise): the layer is done only once every answer is in, and the bytes are held till then.
   */
  condense?(path: string, content: Buffer): Kept | Promise<Kept>;
  /**
   * Optional first look at a wanted file's first 64 bytes (all of it when it is shorter), before
   * the rest is read: false means this cataloger has no use for the file (a
   * script where it reads executables), so its bytes need not even be read. A file is read on
   * when any reader that wants it says so.
   */
  keepsHead?(path: string, head: Buffer): boolean;
  catalog(context: CatalogContext): Promise<CatalogResult> | CatalogResult;
}
