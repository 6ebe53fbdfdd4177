import type { Package, ScanResult } from "../../types.js";
import { describeSubject, shortDigest } from "../shared/subject.js";
import { alignColumns, terminalLines } from "../shared/terminal-text.js";
import type { Format } from "../types.js";

const HEADER = ["NAME", "VERSION", "TYPE", "LAYER"] as const;

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
    return terminalLines([...lines, ...(lines.length > 0 ? [""] : []), summarize(result), ""]);
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
