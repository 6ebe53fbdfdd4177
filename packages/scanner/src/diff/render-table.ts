/** The diff as aligned text for a terminal: a summary, then one section per kind of change. */
import { alignColumns, terminalLines } from "../format/shared/terminal-text.js";
import { formatBytes } from "../layers/sizes.js";
import { nowIn } from "./diff-findings.js";
import {
  describeSide,
  findingSummary,
  layerSummary,
  packageSummary,
  sizeSummary,
} from "./summary.js";
import type { DiffFinding, DiffLayer, DiffPackage, ImageDiff, VersionChange } from "./types.js";

const GAP = "  ";
/** Longest instruction shown; the JSON output keeps it whole. */
const CREATED_BY_WIDTH = 60;

/** Writes `diff` as text, ending with a newline. */
export function renderDiffTable(diff: ImageDiff): string {
  const p = diff.packages;
  const lines = [
    `A         ${describeSide(diff.a)}`,
    `B         ${describeSide(diff.b)}`,
    `Packages  ${packageSummary(diff)}; ${p.unchanged} unchanged`,
    `Findings  ${findingSummary(diff)}`,
    `Size      ${sizeSummary(diff)}`,
    `Layers    ${layerSummary(diff)}`,
    ...section("Added", packageRows(p.added)),
    ...section("Removed", packageRows(p.removed)),
    ...section("Upgraded", changeRows(p.upgraded)),
    ...section("Downgraded", changeRows(p.downgraded)),
    ...section("Changed (versions not comparable)", changeRows(p.changed)),
    ...findingSections(diff),
    ...section("Layers", layerRows(diff)),
    "",
  ];
  return terminalLines(lines);
}

function section(title: string, rows: string[][]): string[] {
  if (rows.length <= 1) return [];
  return ["", title, ...alignColumns(rows).map((line) => `${GAP}${line}`)];
}

function packageRows(packages: DiffPackage[]): string[][] {
  return [["NAME", "VERSION", "TYPE"], ...packages.map((p) => [nameOf(p), p.version, p.type])];
}

function changeRows(changes: VersionChange[]): string[][] {
  const rows = changes.map((c) => [nameOf(c), c.from, c.to, c.type, c.reason ?? ""]);
  return [["NAME", "FROM", "TO", "TYPE", changes.some((c) => c.reason) ? "WHY" : ""], ...rows];
}

function nameOf(p: { name: string; arch?: string }): string {
  return p.arch ? `${p.name}:${p.arch}` : p.name;
}

function findingSections(diff: ImageDiff): string[] {
  if (!diff.findings.compared) return [];
  return [
    ...section("Findings introduced", findingRows(diff.findings.introduced)),
    ...section("Findings fixed", fixedRows(diff.findings.fixed)),
  ];
}

function findingRows(findings: DiffFinding[]): string[][] {
  const rows = findings.map((f) => [f.id, f.severity, f.package, f.version, f.fixedIn.join(", ")]);
  return [["ID", "SEVERITY", "PACKAGE", "VERSION", "FIXED IN"], ...rows];
}

/** A fixed finding says how: the version B has now, or that B removed the package. */
function fixedRows(findings: DiffFinding[]): string[][] {
  const rows = findings.map((f) => [f.id, f.severity, f.package, f.version, nowIn(f)]);
  return [["ID", "SEVERITY", "PACKAGE", "WAS", "NOW"], ...rows];
}

function layerRows(diff: ImageDiff): string[][] {
  const { sharedBase, onlyA, onlyB } = diff.layers;
  const row = (side: string, l: DiffLayer) => [
    side,
    String(l.index),
    formatBytes(l.uncompressedBytes),
    (l.diffId ?? "-").slice(0, 19),
    truncate(l.createdBy ?? ""),
  ];
  return [
    ["SIDE", "LAYER", "SIZE", "DIFF ID", "CREATED BY"],
    ...sharedBase.map((l) => row("both", l)),
    ...onlyA.map((l) => row("A", l)),
    ...onlyB.map((l) => row("B", l)),
  ];
}

function truncate(text: string): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length <= CREATED_BY_WIDTH ? flat : `${flat.slice(0, CREATED_BY_WIDTH - 1)}…`;
}
