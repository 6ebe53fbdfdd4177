import type { LayerReport, LayersReport } from "../layers/types.js";
import type { DiffLayer, ImageSize, LayerChanges } from "./types.js";

/**
 * Compares two layers reports: the base both images share (equal diff IDs counted from the
 * bottom, stopping at the first difference, since a layer's content only means the same on the
 * same layers below it), the layers above it on each side, and the change in sizes.
 */
export function diffLayers(a: LayersReport, b: LayersReport): LayerChanges {
  const shared = sharedBaseLength(a.layers, b.layers);
  const sizeA = sizeOf(a);
  const sizeB = sizeOf(b);
  const changes: LayerChanges = {
    sharedBase: a.layers.slice(0, shared).map(toDiffLayer),
    onlyA: a.layers.slice(shared).map(toDiffLayer),
    onlyB: b.layers.slice(shared).map(toDiffLayer),
    sizeA,
    sizeB,
    delta: {
      uncompressedBytes: sizeB.uncompressedBytes - sizeA.uncompressedBytes,
      finalBytes: sizeB.finalBytes - sizeA.finalBytes,
      wastedBytes: sizeB.wastedBytes - sizeA.wastedBytes,
    },
  };
  if (sizeA.compressedBytes !== undefined && sizeB.compressedBytes !== undefined)
    changes.delta.compressedBytes = sizeB.compressedBytes - sizeA.compressedBytes;
  return changes;
}

function sharedBaseLength(a: readonly LayerReport[], b: readonly LayerReport[]): number {
  let n = 0;
  // A directory scan has no diff IDs: nothing can be said to be shared.
  while (n < a.length && n < b.length && a[n]?.diffId && a[n]?.diffId === b[n]?.diffId) n++;
  return n;
}

function toDiffLayer(layer: LayerReport): DiffLayer {
  const out: DiffLayer = { index: layer.index, uncompressedBytes: layer.uncompressedBytes };
  if (layer.diffId) out.diffId = layer.diffId;
  if (layer.createdBy) out.createdBy = layer.createdBy;
  if (layer.compressedBytes !== undefined) out.compressedBytes = layer.compressedBytes;
  return out;
}

function sizeOf(report: LayersReport): ImageSize {
  const s = report.summary;
  const size: ImageSize = {
    layerCount: s.layerCount,
    uncompressedBytes: s.uncompressedBytes,
    finalBytes: s.finalBytes,
    wastedBytes: s.wastedBytes,
    efficiency: s.efficiency,
  };
  if (s.compressedBytes !== undefined) size.compressedBytes = s.compressedBytes;
  return size;
}
