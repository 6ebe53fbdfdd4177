/** Phrases both the table and the markdown renderers of a diff use, so they say the same. */
import { formatBytes } from "../layers/sizes.js";
import type { DiffSide, ImageDiff } from "./types.js";

/** `docker-archive:/x.tar (debian 12, 109 packages)`. */
export function describeSide(side: DiffSide): string {
  const facts = [side.distro, `${side.packageCount} packages`].filter(Boolean).join(", ");
  return `${side.source.kind}:${side.source.target} (${facts})`;
}

/** `3 added, 1 removed, 2 upgraded, 0 downgraded` (and changed, when any could not be ordered). */
export function packageSummary(diff: ImageDiff): string {
  const p = diff.packages;
  const parts = [
    `${p.added.length} added`,
    `${p.removed.length} removed`,
    `${p.upgraded.length} upgraded`,
    `${p.downgraded.length} downgraded`,
  ];
  if (p.changed.length > 0) parts.push(`${p.changed.length} changed`);
  return parts.join(", ");
}

/** `2 introduced, 5 fixed (12 → 9)`, or why findings were not compared. */
export function findingSummary(diff: ImageDiff): string {
  const f = diff.findings;
  if (!f.compared) return `not compared: ${f.reason}`;
  return `${f.introduced.length} introduced, ${f.fixed.length} fixed (${f.totalA} → ${f.totalB})`;
}

/** `5.8 MB → 223.2 MB (+217.4 MB)`, uncompressed, with the stored size when both are known. */
export function sizeSummary(diff: ImageDiff): string {
  const { sizeA, sizeB, delta } = diff.layers;
  const size = `${formatBytes(sizeA.uncompressedBytes)} → ${formatBytes(sizeB.uncompressedBytes)} (${signedBytes(delta.uncompressedBytes)})`;
  if (delta.compressedBytes === undefined) return size;
  return `${size}; stored ${signedBytes(delta.compressedBytes)}`;
}

/** `2 of 3 layers shared as base (B adds 1, drops 0)`. */
export function layerSummary(diff: ImageDiff): string {
  const { sharedBase, onlyA, onlyB, sizeA, sizeB } = diff.layers;
  const base = `${sharedBase.length} base layer${sharedBase.length === 1 ? "" : "s"} shared`;
  return `${base}; ${sizeA.layerCount} → ${sizeB.layerCount} layers (${onlyA.length} only in A, ${onlyB.length} only in B)`;
}

/** Bytes with their sign: `+1.2 MB`, `-300 B`, `0 B`. */
export function signedBytes(n: number): string {
  if (n === 0) return formatBytes(0);
  return `${n > 0 ? "+" : "-"}${formatBytes(Math.abs(n))}`;
}
