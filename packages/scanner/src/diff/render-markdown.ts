/**
 * The diff as GitHub-flavoured markdown for a pull request: one summary line, then each kind of
 * change in a collapsed `<details>` section, so a long changelog does not bury the review.
 */
import {
  markdownCode as code,
  markdownTable as table,
  markdownText as text,
} from "../format/shared/markdown-table.js";
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

/** Writes `diff` as markdown, ending with a newline. */
export function renderDiffMarkdown(diff: ImageDiff): string {
  const p = diff.packages;
  const blocks = [
    `**Image diff**: ${packageSummary(diff)} · findings ${findingSummary(diff)} · size ${sizeSummary(diff)} · ${layerSummary(diff)}`,
    `- A: \`${describeSide(diff.a)}\`\n- B: \`${describeSide(diff.b)}\``,
    details("Packages added", p.added.length, packageTable(p.added)),
    details("Packages removed", p.removed.length, packageTable(p.removed)),
    details("Packages upgraded", p.upgraded.length, changeTable(p.upgraded)),
    details("Packages downgraded", p.downgraded.length, changeTable(p.downgraded)),
    details("Versions changed, not comparable", p.changed.length, changeTable(p.changed)),
    ...findingBlocks(diff),
    details("Layers", diff.layers.sizeB.layerCount, layerTable(diff)),
  ];
  return `${blocks.filter((b) => b !== "").join("\n\n")}\n`;
}

function details(title: string, count: number, body: string): string {
  if (count === 0) return "";
  return `<details>\n<summary>${title} (${count})</summary>\n\n${body}\n\n</details>`;
}

function packageTable(packages: DiffPackage[]): string {
  return table(
    ["Package", "Version", "Type"],
    packages.map((p) => [text(nameOf(p)), code(p.version), text(p.type)]),
  );
}

function changeTable(changes: VersionChange[]): string {
  const rows = changes.map((c) => [
    text(nameOf(c)),
    code(c.from),
    code(c.to),
    text(c.type),
    text(c.reason ?? ""),
  ]);
  return table(["Package", "From", "To", "Type", "Note"], rows);
}

function nameOf(p: { name: string; arch?: string }): string {
  return p.arch ? `${p.name} (${p.arch})` : p.name;
}

function findingBlocks(diff: ImageDiff): string[] {
  const f = diff.findings;
  if (!f.compared) return [];
  return [
    details("Findings introduced", f.introduced.length, findingTable(f.introduced)),
    details("Findings fixed", f.fixed.length, fixedTable(f.fixed)),
  ];
}

function findingTable(findings: DiffFinding[]): string {
  const rows = findings.map((f) => [
    text(f.id),
    text(f.severity),
    text(f.package),
    code(f.version),
    f.fixedIn.map(code).join(", "),
  ]);
  return table(["Vulnerability", "Severity", "Package", "Version", "Fixed in"], rows);
}

function fixedTable(findings: DiffFinding[]): string {
  const rows = findings.map((f) => {
    const now = nowIn(f);
    return [
      text(f.id),
      text(f.severity),
      text(f.package),
      code(f.version),
      now && (now === "removed" ? text(now) : code(now)),
    ];
  });
  return table(["Vulnerability", "Severity", "Package", "Was", "Now"], rows);
}

function layerTable(diff: ImageDiff): string {
  const { sharedBase, onlyA, onlyB } = diff.layers;
  const row = (side: string, l: DiffLayer) => [
    side,
    String(l.index),
    text(formatBytes(l.uncompressedBytes)),
    code((l.diffId ?? "").slice(0, 19)),
    code(l.createdBy ?? ""),
  ];
  return table(
    ["Side", "Layer", "Size", "Diff ID", "Created by"],
    [
      ...sharedBase.map((l) => row("both", l)),
      ...onlyA.map((l) => row("A only", l)),
      ...onlyB.map((l) => row("B only", l)),
    ],
  );
}
