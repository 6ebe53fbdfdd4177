/**
 * The result model of a scan: what an image or directory holds, where each piece was found,
 * and what could not be read. Every output format is written from these types alone.
 */

/** Where a package or file was found: a path inside the image, and the layer that wrote it. */
export interface Location {
  /** Absolute path inside the image or scanned directory, always starting with `/`. */
  path: string;
  /** Diff ID (`sha256:...` of the uncompressed layer) of the layer that last wrote the path. */
  layer?: string;
}

/** How a package was learned of: installed metadata is trusted over a lockfile or manifest. */
export type FoundHow = "installed" | "lockfile" | "manifest" | "binary" | "archive";

/** One package found by a cataloger. */
export interface Package {
  name: string;
  version: string;
  /** purl type: `deb`, `apk`, `rpm`, `npm`, `pypi`, `maven`, `golang`, `cargo`, `gem`, ... */
  type: string;
  /** Package URL (https://github.com/package-url/purl-spec), distro qualifiers included. */
  purl: string;
  /** Name of the cataloger that found it. */
  foundBy: string;
  foundHow: FoundHow;
  /** Where the package's record lives; the first is the primary one. */
  locations: Location[];
  /** Diff ID of the layer that brought the package (the one that first recorded this version). */
  layer?: string;
  arch?: string;
  /** Licence expressions or names, as declared by the package. */
  licenses?: string[];
  /** Source package for OS packages built from one (dpkg `Source:`, rpm source rpm, apk origin). */
  source?: { name: string; version?: string };
  epoch?: number;
  maintainer?: string;
  description?: string;
  /** Files the package owns, as absolute paths. */
  files?: string[];
  /** True when the package is only a development dependency. */
  dev?: boolean;
  /** Ecosystem-specific extra facts, kept as plain JSON. */
  metadata?: Record<string, unknown>;
}

/** Something that could not be read, kept in the result instead of aborting the scan. */
export interface Unknown {
  path: string;
  layer?: string;
  cataloger?: string;
  reason: string;
}

/** The distribution an image is built on, read from os-release or its fallbacks. */
export interface Distro {
  /** Lower-case id from os-release `ID` (`debian`, `alpine`, `rhel`, ...). */
  id: string;
  versionId?: string;
  /** os-release `VERSION`: the version as people read it (`12 (bookworm)`). */
  version?: string;
  versionCodename?: string;
  name?: string;
  prettyName?: string;
  idLike?: string[];
}

/** A layer of an image as its manifest and config describe it. */
export interface LayerInfo {
  index: number;
  /** Digest of the blob as stored (compressed); equal to diffId for uncompressed layers. */
  digest: string;
  /** Digest of the uncompressed tar, from the config's `rootfs.diff_ids`. */
  diffId: string;
  /** Stored size in bytes, when known. */
  size?: number;
  mediaType?: string;
  /** The instruction that created the layer, from the config's history. */
  createdBy?: string;
}

/** One entry of an image config's history. */
export interface HistoryEntry {
  created?: string;
  createdBy?: string;
  comment?: string;
  emptyLayer: boolean;
}

/** What is known about an image besides its files. */
export interface ImageMetadata {
  /** Digest of the config blob: the image ID. */
  configDigest: string;
  /** Digest of the manifest, when the source holds one. */
  manifestDigest?: string;
  repoTags: string[];
  repoDigests: string[];
  os?: string;
  architecture?: string;
  variant?: string;
  created?: string;
  labels: Record<string, string>;
  layers: LayerInfo[];
  history: HistoryEntry[];
}

/** What was scanned. */
export interface SourceInfo {
  /** Source kind: `docker-archive`, `oci-dir`, `oci-archive`, `dir`, ... */
  kind: string;
  /** The path or reference the user gave, without the kind prefix. */
  target: string;
}

/** Everything one scan found. */
export interface ScanResult {
  source: SourceInfo;
  image?: ImageMetadata;
  distro?: Distro;
  packages: Package[];
  unknowns: Unknown[];
  /** Milliseconds spent per phase (`read`, `catalog`, `total`, ...). */
  timings: Record<string, number>;
}
