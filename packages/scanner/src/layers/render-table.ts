/**
 * The layers report as text for a terminal: the image's figures, one line per layer, where the
 * waste is and how to avoid it, then the largest files and directories.
 */
import { alignColumns, terminalLines } from "../format/shared/terminal-text.js";
import { formatBytes, formatShare } from "./sizes.js";
import type { LayerReport, LayersReport, LayersSummary, SizedPath, WasteItem } from "./types.js";

/** Longest instruction shown in the layer table; the JSON output keeps it whole. */
const CREATED_BY_WIDTH = 60;
const LAYER_HEADER = ["LAYER", "STORED", "SIZE", "ADDED", "MODIFIED", "REMOVED", "PACKAGES"];

/** Writes `report` as aligned text, ending with a newline. */
export function renderLayersTable(report: LayersReport): string {
  return terminalLines([
    ...summaryLines(report),
    "",
    ...layerTable(report.layers),
    ...section("Waste by layer", wasteLines(report.layers)),
    ...section("Largest files", sizedLines(report.largestFiles)),
    ...section("Largest directories", sizedLines(report.largestDirectories)),
    ...unknownLines(report),
    "",
  ]);
}

function summaryLines(report: LayersReport): string[] {
  const s = report.summary;
  const layers = `${s.layerCount} layer${s.layerCount === 1 ? "" : "s"}`;
  // Shares are of the layers' uncompressed bytes, never of the compressed blobs ("as stored"):
  // a gzip layer would otherwise waste more than it stores.
  const wasted = `${formatBytes(s.wastedBytes)} (${formatShare(s.wastedPercent)} of uncompressed bytes)`;
  return [
    `${report.source.kind}:${report.source.target} (${layers})`,
    `Size        ${sizeLine(s)}`,
    `Efficiency  ${formatShare(s.efficiency)} of the uncompressed bytes survive to the final view`,
    `Wasted      ${wasted}${wasteBreakdown(s.waste)}`,
  ];
}

function sizeLine(s: LayersSummary): string {
  const stored =
    s.compressedBytes === undefined ? "" : `, ${formatBytes(s.compressedBytes)} as stored`;
  const files = `${s.finalFiles} file${s.finalFiles === 1 ? "" : "s"}`;
  const final = `${formatBytes(s.finalBytes)} in ${files} in the final view`;
  return `${formatBytes(s.uncompressedBytes)} uncompressed${stored}; ${final}`;
}

function wasteBreakdown(waste: WasteItem[]): string {
  if (waste.length === 0) return "";
  return `: ${waste.map((w) => `${w.category} ${formatBytes(w.bytes)}`).join(", ")}`;
}

function layerTable(layers: LayerReport[]): string[] {
  const header = [...LAYER_HEADER, "WASTED", "CREATED BY"];
  const rows = layers.map((l) => [
    String(l.index),
    l.compressedBytes === undefined ? "-" : formatBytes(l.compressedBytes),
    formatBytes(l.uncompressedBytes),
    String(l.files.added),
    String(l.files.modified),
    String(l.files.removed),
    String(l.packages.length),
    formatBytes(l.wastedBytes),
    truncate(oneLine(l.createdBy ?? "-"), CREATED_BY_WIDTH),
  ]);
  return alignRight([header, ...rows], header.length - 1);
}

function wasteLines(layers: LayerReport[]): string[] {
  const lines: string[] = [];
  for (const layer of layers) {
    for (const item of layer.waste) {
      const count = `${item.files} file${item.files === 1 ? "" : "s"}`;
      lines.push(`layer ${layer.index}  ${item.category}  ${formatBytes(item.bytes)} in ${count}`);
      const files = item.largest.map((file) => [formatBytes(file.bytes), file.path]);
      for (const line of alignRight(files, 1)) lines.push(`    ${line}`);
      if (item.hint) lines.push(`    avoid it: ${item.hint}`);
    }
  }
  return lines;
}

function sizedLines(paths: SizedPath[]): string[] {
  const rows = paths.map((p) => [
    formatBytes(p.bytes),
    p.layer === undefined ? p.path : `${p.path}  (layer ${p.layer})`,
  ]);
  return alignRight(rows, 1);
}

function unknownLines(report: LayersReport): string[] {
  const n = report.unknowns.length;
  if (n === 0) return [];
  return [
    "",
    `${n} unknown${n === 1 ? "" : "s"}: parts of the layers could not be read (see -o json)`,
  ];
}

/** A titled block, or nothing when it has no lines. */
function section(title: string, lines: string[]): string[] {
  return lines.length === 0 ? [] : ["", title, ...lines.map((l) => `  ${l}`)];
}

/** Right-aligns every column but the text column `last`, which stays ragged. */
function alignRight(rows: string[][], last: number): string[] {
  const right = (rows[0] ?? []).map((_, i) => i).filter((i) => i !== last);
  return alignColumns(rows, { right, ragged: last });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function truncate(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}
