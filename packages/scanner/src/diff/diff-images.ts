import type { LayerIndex } from "../filetree/types.js";
import { buildLayersReport } from "../layers/build-report.js";
import type { LayersReport } from "../layers/types.js";
import type { Finding } from "../match/types.js";
import { type ScanOptions, scan } from "../scan.js";
import type { ScanResult } from "../types.js";
import { diffFindings } from "./diff-findings.js";
import { diffLayers } from "./diff-layers.js";
import { diffPackages } from "./diff-packages.js";
import { type DiffSide, IMAGE_DIFF_SCHEMA_VERSION, type ImageDiff } from "./types.js";

/** One side of a diff: its scan result, its layers report and, when a database was at hand, its findings. */
export interface DiffInput {
  result: ScanResult;
  layers: LayersReport;
  findings?: readonly Finding[];
}

/** Options of {@link diffImages}. */
export interface DiffOptions {
  /** Why findings were not compared, when either side has none; said in the diff as is. */
  findingsNotCompared?: string;
}

/**
 * What changed from image A to image B: packages added, removed, upgraded and downgraded (by
 * each ecosystem's version scheme), findings introduced and fixed when both sides carry
 * findings, and the layers and sizes. A is the old image, B the new one.
 */
export function diffImages(a: DiffInput, b: DiffInput, options: DiffOptions = {}): ImageDiff {
  return {
    schemaVersion: IMAGE_DIFF_SCHEMA_VERSION,
    a: sideOf(a),
    b: sideOf(b),
    packages: diffPackages(a.result.packages, b.result.packages),
    findings:
      a.findings && b.findings
        ? diffFindings(a.findings, b.findings, b.result.packages)
        : { compared: false, reason: options.findingsNotCompared ?? "no findings were given" },
    layers: diffLayers(a.layers, b.layers),
  };
}

function sideOf(input: DiffInput): DiffSide {
  const { result } = input;
  const side: DiffSide = { source: result.source, packageCount: result.packages.length };
  if (result.image?.configDigest) side.imageId = result.image.configDigest;
  if (result.image?.repoTags.length) side.repoTags = result.image.repoTags;
  const distro = result.distro;
  if (distro) side.distro = [distro.id, distro.versionId].filter(Boolean).join(" ");
  return side;
}

/**
 * Scans one side of a diff once, keeping both the scan result and the layers report (so the
 * image is read a single time for both).
 */
export async function scanForDiff(
  reference: string,
  options: ScanOptions = {},
): Promise<Omit<DiffInput, "findings">> {
  let indexes: readonly LayerIndex[] = [];
  const result = await scan(reference, {
    ...options,
    onLayers: (read) => {
      indexes = read;
      options.onLayers?.(read);
    },
  });
  const { source, image, packages } = result;
  return { result, layers: buildLayersReport({ source, image, packages, indexes }) };
}
