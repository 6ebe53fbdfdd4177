/**
 * What changed between two images (or directories): packages, findings, sizes and layers. Its
 * JSON shape is what `lading diff -o json` prints; `schemaVersion` changes when a field changes
 * meaning or goes away, while new optional fields may appear without one.
 */
import type { Severity } from "../match/types.js";
import type { SourceInfo } from "../types.js";

/** Version of the diff's JSON shape. */
export const IMAGE_DIFF_SCHEMA_VERSION = 1;

/** A package on one side of the diff, reduced to what a changelog names. */
export interface DiffPackage {
  /** type + namespace + name (+ arch for OS packages): what makes it "the same package". */
  identity: string;
  name: string;
  type: string;
  version: string;
  purl: string;
  arch?: string;
}

/** A package present on both sides with another version. */
export interface VersionChange {
  identity: string;
  name: string;
  type: string;
  arch?: string;
  from: string;
  to: string;
  /** Version scheme the versions were ordered with; absent when none applies. */
  scheme?: string;
  /** Why the versions could not be ordered, for `changed` entries. */
  reason?: string;
}

/** How the package sets of A and B differ. */
export interface PackageChanges {
  added: DiffPackage[];
  removed: DiffPackage[];
  upgraded: VersionChange[];
  downgraded: VersionChange[];
  /** Versions differ, but no scheme could order them: never guessed as up or down. */
  changed: VersionChange[];
  /** Packages with the same identity and version on both sides. */
  unchanged: number;
}

/** A finding as the diff lists it: one vulnerability of one package. */
export interface DiffFinding {
  id: string;
  severity: Severity;
  package: string;
  version: string;
  identity: string;
  /** Fixed versions the advisories name, when any. */
  fixedIn: string[];
  /**
   * For a fixed finding, what B holds of the package instead: its version there, or `removed`
   * when B no longer has it.
   */
  inB?: { version: string } | "removed";
}

/** Findings of B that A did not have (introduced) and of A that B no longer has (fixed). */
export type FindingChanges =
  | {
      compared: true;
      introduced: DiffFinding[];
      fixed: DiffFinding[];
      /** Findings on both sides (same vulnerability, same package identity). */
      unchanged: number;
      totalA: number;
      totalB: number;
    }
  | { compared: false; reason: string };

/** One layer as the diff names it. */
export interface DiffLayer {
  index: number;
  diffId?: string;
  createdBy?: string;
  uncompressedBytes: number;
  compressedBytes?: number;
}

/** Sizes of one image as the layers report gives them. */
export interface ImageSize {
  layerCount: number;
  uncompressedBytes: number;
  compressedBytes?: number;
  finalBytes: number;
  wastedBytes: number;
  efficiency: number;
}

/** How the layers and sizes of A and B differ. */
export interface LayerChanges {
  /** Layers with equal diff IDs from the bottom up: the base A and B share. */
  sharedBase: DiffLayer[];
  /** A's layers above the shared base. */
  onlyA: DiffLayer[];
  /** B's layers above the shared base. */
  onlyB: DiffLayer[];
  sizeA: ImageSize;
  sizeB: ImageSize;
  /** B minus A, in bytes (negative when B is smaller). */
  delta: {
    uncompressedBytes: number;
    compressedBytes?: number;
    finalBytes: number;
    wastedBytes: number;
  };
}

/** One side of the diff. */
export interface DiffSide {
  source: SourceInfo;
  imageId?: string;
  repoTags?: string[];
  distro?: string;
  packageCount: number;
}

/** Everything `lading diff` reports. */
export interface ImageDiff {
  schemaVersion: typeof IMAGE_DIFF_SCHEMA_VERSION;
  a: DiffSide;
  b: DiffSide;
  packages: PackageChanges;
  findings: FindingChanges;
  layers: LayerChanges;
}
