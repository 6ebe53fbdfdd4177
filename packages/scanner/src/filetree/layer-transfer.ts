import type { Unknown } from "../types.js";
import type { LayerEntry, LayerIndex } from "./types.js";

/**
 * A {@link LayerIndex} laid out to cross a thread boundary cheaply: entry fields in typed
 * arrays rather than 100,000 small objects, and each kept file's bytes in an ArrayBuffer of its
 * own, transferred rather than copied.
 */
export interface PackedLayerIndex {
  layerIndex: number;
  paths: string[];
  /** Entry type codes ({@link TYPES}). */
  types: Uint8Array;
  sizes: Float64Array;
  modes: Uint32Array;
  /** Link targets, keyed by entry position. */
  links: Map<number, string>;
  whiteouts: string[];
  opaqueDirs: string[];
  capturedPaths: string[];
  capturedBytes: ArrayBuffer[];
  unknowns: Unknown[];
  bytes: number;
}

const TYPES: readonly LayerEntry["type"][] = ["file", "dir", "symlink", "hardlink", "other"];
const TYPE_CODES = new Map(TYPES.map((t, i) => [t, i]));

/** Packs `index`; the returned transfer list names the buffers to move, not copy. */
export function packLayerIndex(index: LayerIndex): {
  packed: PackedLayerIndex;
  transfer: ArrayBuffer[];
} {
  const { entries } = index;
  const packed: PackedLayerIndex = {
    layerIndex: index.layerIndex,
    paths: entries.map((e) => e.path),
    types: Uint8Array.from(entries, (e) => TYPE_CODES.get(e.type) ?? 4),
    sizes: Float64Array.from(entries, (e) => e.size),
    modes: Uint32Array.from(entries, (e) => e.mode),
    links: new Map(),
    whiteouts: index.whiteouts,
    opaqueDirs: index.opaqueDirs,
    capturedPaths: [...index.captured.keys()],
    capturedBytes: [...index.captured.values()].map(ownBuffer),
    unknowns: index.unknowns,
    bytes: index.bytes,
  };
  entries.forEach((e, i) => {
    if (e.linkTarget !== undefined) packed.links.set(i, e.linkTarget);
  });
  const transfer = [packed.types, packed.sizes, packed.modes].map((a) => a.buffer as ArrayBuffer);
  return { packed, transfer: [...transfer, ...packed.capturedBytes] };
}

/** Unpacks what {@link packLayerIndex} made, on the receiving thread. */
export function unpackLayerIndex(packed: PackedLayerIndex): LayerIndex {
  const entries: LayerEntry[] = packed.paths.map((path, i) => ({
    path,
    type: TYPES[packed.types[i] as number] ?? "other",
    size: packed.sizes[i] as number,
    mode: packed.modes[i] as number,
    linkTarget: packed.links.get(i),
  }));
  const captured = new Map<string, Buffer>();
  packed.capturedPaths.forEach((path, i) => {
    captured.set(path, Buffer.from(packed.capturedBytes[i] as ArrayBuffer));
  });
  const { layerIndex, whiteouts, opaqueDirs, unknowns, bytes } = packed;
  return { layerIndex, entries, whiteouts, opaqueDirs, captured, unknowns, bytes };
}

/**
 * The bytes of `content` in an ArrayBuffer that holds nothing else: small Buffers share a
 * pooled ArrayBuffer, which must not be transferred away from the other Buffers in it.
 */
function ownBuffer(content: Buffer): ArrayBuffer {
  const whole = content.byteOffset === 0 && content.byteLength === content.buffer.byteLength;
  if (whole && content.buffer instanceof ArrayBuffer) return content.buffer;
  const copy = new ArrayBuffer(content.byteLength);
  new Uint8Array(copy).set(content);
  return copy;
}
