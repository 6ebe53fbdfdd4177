import type { Finding } from "../../match/types.js";
import { aliasesOf, severityScore } from "../shared/finding-text.js";

/** A SARIF reporting descriptor for one vulnerability. */
export function toRule(finding: Finding) {
  const title = finding.summary ?? `${finding.id} in ${finding.package.name}`;
  const aliases = aliasesOf(finding);
  return {
    id: finding.id,
    name: ruleName(finding.id),
    shortDescription: { text: `${finding.id} ${finding.severity}: ${title}` },
    fullDescription: { text: title },
    ...(finding.references[0] ? { helpUri: finding.references[0] } : {}),
    help: { text: helpText(finding, aliases), markdown: helpMarkdown(finding, aliases) },
    defaultConfiguration: { level: levelOf(finding) },
    properties: {
      // GitHub ranks alerts by this string; the tags put them under "security".
      "security-severity": severityScore(finding).toFixed(1),
      tags: ["security", "vulnerability", finding.severity],
      ...(aliases.length > 0 ? { aliases } : {}),
    },
  };
}

/** SARIF levels: `error` for critical and high, `warning` for medium, `note` below. */
export function levelOf(finding: Finding): "error" | "warning" | "note" {
  if (finding.severity === "critical" || finding.severity === "high") return "error";
  return finding.severity === "medium" ? "warning" : "note";
}

/** A rule name is an identifier; SARIF asks that it not be the id itself. */
function ruleName(id: string): string {
  return `Vulnerability${id.replace(/[^A-Za-z0-9]+/g, "")}`;
}

function helpText(finding: Finding, aliases: string[]): string {
  const also = aliases.length > 0 ? ` Also known as ${aliases.join(", ")}.` : "";
  return `${finding.summary ?? finding.id}.${also} References: ${finding.references.join(" ") || "none"}`;
}

function helpMarkdown(finding: Finding, aliases: string[]): string {
  const rows = [
    `**${finding.id}** (${finding.severity})`,
    ...(finding.summary ? ["", finding.summary] : []),
    ...(aliases.length > 0 ? ["", `Also known as: ${aliases.join(", ")}`] : []),
    ...(finding.references.length > 0 ? ["", ...finding.references.map((r) => `- ${r}`)] : []),
  ];
  return rows.join("\n");
}
