import type { Package, ScanResult } from "../../types.js";
import { describeSubject, shortDigest } from "../shared/subject.js";
import type { Format } from "../types.js";

const HEADER = ["NAME", "VERSION", "TYPE", "LAYER"] as const;
const GAP = "  ";

/**
 * A table for people: one package per line with its short layer digest, sorted by name, then a
 * line counting packages by type and the unknowns a reader should know were left unread.
 */
export const tableFormat = {
  id: "table",
  versions: [],
  write(result) {
    const rows = sortForReading(result.packages).map(toRow);
    const lines = rows.length > 0 ? alignColumns([[...HEADER], ...rows]) : [];
    return [...lines, ...(lines.length > 0 ? [""] : []), summarize(result), ""].join("\n");
  },
} satisfies Format;

function sortForReading(packages: readonly Package[]): Package[] {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...packages].sort(
    (a, b) => compare(a.name, b.name) || compare(a.version, b.version) || compare(a.type, b.type),
  );
}

function toRow(pkg: Package): string[] {
  return [pkg.name, pkg.version, pkg.type, shortDigest(pkg.layer) ?? "-"];
}

// TODO: cells are padded by UTF-16 length, so a name with wide (CJK, emoji) characters pushes
// its row out of line; package names in the ecosystems read today are ASCII.
function alignColumns(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  // The last column is not padded, so lines carry no trailing spaces.
  return rows.map((r) =>
    r.map((cell, col) => (col < r.length - 1 ? cell.padEnd(widths[col]) : cell)).join(GAP),
  );
}

function summarize(result: ScanResult): string {
  const subject = describeSubject(result);
  const distro = result.distro
    ? ` (${[result.distro.id, result.distro.versionId].filter(Boolean).join(" ")})`
    : "";
  const unknowns = plural(result.unknowns.length, "unknown");
  const hint = result.unknowns.length > 0 ? " (listed in -o json)" : "";
  return `${plural(result.packages.length, "package")}${countByType(result.packages)} in ${subject.name}${distro}; ${unknowns}${hint}`;
}

function countByType(packages: readonly Package[]): string {
  const counts = new Map<string, number>();
  for (const pkg of packages) counts.set(pkg.type, (counts.get(pkg.type) ?? 0) + 1);
  const parts = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([t, n]) => `${t} ${n}`);
  return parts.length > 0 ? ` (${parts.join(", ")})` : "";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
