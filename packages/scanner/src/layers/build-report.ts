import type { LayerIndex } from "../filetree/types.js";
import type { ImageMetadata, Package, SourceInfo } from "../types.js";
import { type FinalView, LayerLedger, type LayerTally } from "./layer-ledger.js";
import {
  LAYERS_REPORT_SCHEMA_VERSION,
  type LayerPackage,
  type LayerReport,
  type LayersReport,
  type LayersSummary,
  type SizedPath,
} from "./types.js";
import { WasteTally } from "./waste-tally.js";

/** What a layers report is built from: one scan's layer indexes, metadata and packages. */
export interface LayersInput {
  source: SourceInfo;
  image?: ImageMetadata;
  /** Every layer's index, bottom first, as `scan`'s `onLayers` hands them over. */
  indexes: readonly LayerIndex[];
  packages: readonly Package[];
}

/** Options of {@link buildLayersReport}. */
export interface LayersReportOptions {
  /** How many of the largest files and directories to list; 10 unless given. */
  top?: number;
}

const DEFAULT_TOP = 10;

/**
 * Builds the layers report of one scan: per layer its sizes, changes, packages and waste; for
 * the image its efficiency and largest files. Reads entry metadata only, never file bytes.
 */
export function buildLayersReport(
  input: LayersInput,
  options: LayersReportOptions = {},
): LayersReport {
  const ledger = new LayerLedger();
  for (const index of input.indexes) ledger.apply(index);
  const view = ledger.finish();
  const top = options.top ?? DEFAULT_TOP;
  const layers = input.indexes.map((index) =>
    layerReport(index, input, ledger.tally(index.layerIndex)),
  );
  const report: LayersReport = {
    schemaVersion: LAYERS_REPORT_SCHEMA_VERSION,
    source: input.source,
    summary: summarize(layers, ledger, view),
    layers,
    largestFiles: largest(view.files, top),
    largestDirectories: largest(view.directories, top),
    unknowns: input.indexes.flatMap((index) => index.unknowns),
  };
  if (input.image) {
    report.imageId = input.image.configDigest;
    report.repoTags = input.image.repoTags;
  }
  return report;
}

function layerReport(index: LayerIndex, input: LayersInput, tally: LayerTally): LayerReport {
  const info = input.image?.layers[index.layerIndex];
  const waste = tally.waste.list();
  const report: LayerReport = {
    index: index.layerIndex,
    uncompressedBytes: index.bytes,
    files: tally.changes,
    packages: layerPackages(input, info?.diffId),
    wastedBytes: tally.waste.total(),
    waste,
  };
  if (info?.digest !== undefined) report.digest = info.digest;
  if (info?.diffId !== undefined) report.diffId = info.diffId;
  if (info?.createdBy !== undefined) report.createdBy = info.createdBy;
  if (info?.size !== undefined) report.compressedBytes = info.size;
  return report;
}

/** The packages a layer brought; a directory scan's one layer brings them all. */
function layerPackages(input: LayersInput, diffId: string | undefined): LayerPackage[] {
  const brought =
    input.image === undefined
      ? input.packages
      : input.packages.filter((p) => diffId !== undefined && p.layer === diffId);
  return brought.map((p) => ({ name: p.name, version: p.version, type: p.type, purl: p.purl }));
}

function summarize(layers: LayerReport[], ledger: LayerLedger, view: FinalView): LayersSummary {
  const waste = new WasteTally();
  for (const layer of layers) waste.merge(ledger.tally(layer.index).waste);
  const stored = ledger.storedBytes;
  const wasted = waste.total();
  const summary: LayersSummary = {
    layerCount: layers.length,
    uncompressedBytes: sum(layers.map((l) => l.uncompressedBytes)),
    storedBytes: stored,
    finalBytes: view.bytes,
    finalFiles: view.fileCount,
    efficiency: stored === 0 ? 1 : view.bytes / stored,
    wastedBytes: wasted,
    wastedPercent: stored === 0 ? 0 : wasted / stored,
    waste: waste.list(),
  };
  const compressed = layers.map((l) => l.compressedBytes);
  if (compressed.every((c) => c !== undefined)) summary.compressedBytes = sum(compressed);
  return summary;
}

/** The `n` largest of `paths`, largest first, ties by path; zero-byte paths left out. */
function largest(paths: SizedPath[], n: number): SizedPath[] {
  return paths
    .filter((p) => p.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    .slice(0, Math.max(0, n));
}

function sum(values: number[]): number {
  return values.reduce((total, v) => total + v, 0);
}
