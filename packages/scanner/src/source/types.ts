import type { Readable } from "node:stream";
import type { CapturePolicy, LayerIndex } from "../filetree/types.js";
import type { Logger } from "../logger.js";
import type { ImageMetadata, LayerInfo } from "../types.js";

/** Options every source accepts. */
export interface SourceOptions {
  /** `os/arch[/variant]` to pick from a multi-platform index. */
  platform?: string;
  /** A tag (`name:tag`) or digest (`sha256:...`) to pick one image from an archive of several. */
  select?: string;
  /** Layers read at once. */
  concurrency?: number;
  /**
   * Read the layers of a big image on disk (512 MiB of blobs or more) in worker threads, one per
   * layer read at once, rather than interleaved on the calling thread. Off unless asked for:
   * on the 2-core machine it was measured on, busy with other work, it cost more CPU and memory
   * than it saved in time (bench/compare/RESULTS.md).
   */
  readerThreads?: boolean;
  logger?: Logger;
  /** How to reach registries (`registry:` and bare references). */
  registry?: RegistryOptions;
  /** Engine endpoint for `docker:` and `podman:` (`unix:///run/podman/podman.sock`). */
  engine?: string;
  /**
   * Where cataloged layers are kept between scans; none disables the cache. A layer found there
   * is neither read nor hashed again: it is trusted to be what its diff ID names, so an archive
   * that is not trusted is best scanned without a cache, which checks every layer's digest.
   */
  layerCache?: LayerCacheStore;
}

/** How to reach and log in to container registries. */
export interface RegistryOptions {
  /** Allow plain HTTP and unverified TLS (implied, for plain HTTP only, on loopback hosts). */
  insecure?: boolean;
  /** PEM bundle of extra certificate authorities trusted for TLS. */
  caFile?: string;
  username?: string;
  password?: string;
  /** Docker's config dir (`~/.docker`); its `config.json` gives credentials and helpers. */
  dockerConfigDir?: string;
}

/**
 * Layer indexes kept by layer diff ID and the capture policy's key. A store never throws on a
 * bad entry: it drops it and answers as if it had none.
 */
export interface LayerCacheStore {
  get(diffId: string, policyKey: string): Promise<LayerIndex | undefined>;
  put(diffId: string, policyKey: string, index: LayerIndex): Promise<void>;
}

/** A layer blob that can be opened for reading, as stored (compressed or not). */
export interface BlobLayer {
  info: LayerInfo;
  /** Opens the stored blob. The stream is verified against `info.digest`/`info.size` when read. */
  open(): Promise<Readable>;
  /**
   * Where the stored blob lies on disk, when it lies in one piece in a local file (a layout
   * directory, an uncompressed archive): a worker thread can then open and read it itself.
   */
  location?: BlobLocation;
}

/** A byte range of a local file holding a blob. */
export interface BlobLocation {
  path: string;
  offset: number;
  length: number;
}

/** An image (or directory) opened for reading. */
export interface OpenedSource {
  /** Image metadata; absent for a plain directory. */
  metadata?: ImageMetadata;
  /**
   * Reads every layer once and returns their indexes, bottom layer first. A source may instead
   * hand each index to `onIndex`, bottom first, as soon as it and those below it are read, and
   * leave it out of the list, so that the caller need not hold every layer at once; it is
   * optional to honour, and a caller applies whatever the list still holds after the calls.
   */
  index(policy: CapturePolicy, onIndex?: (index: LayerIndex) => void): Promise<LayerIndex[]>;
  close(): Promise<void>;
}

/**
 * One kind of image source (`docker-archive`, `oci-dir`, `dir`, ...). Each lives in its own
 * folder under `source/` and is listed in `source/registry.ts`.
 */
export interface SourceKind {
  /** The prefix users write before the colon: `docker-archive:PATH`. */
  readonly kind: string;
  /** Cheap test whether a bare path is of this kind (by content, not by name). */
  detect(path: string): Promise<boolean>;
  open(target: string, options: SourceOptions): Promise<OpenedSource>;
}
