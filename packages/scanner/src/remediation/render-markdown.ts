/**
 * The plan as GitHub-flavoured markdown: a summary line, the upgrades as a table with their
 * commands, and the findings without a fix in a collapsed `<details>` section.
 */
import { planSummary } from "./summary.js";
import type { PlannedUpgrade, RemediationPlan } from "./types.js";

/** Writes `plan` as markdown, ending with a newline. */
export function renderPlanMarkdown(plan: RemediationPlan): string {
  const blocks = [`**Remediation plan**: ${planSummary(plan)}`];
  if (plan.upgrades.length > 0)
    blocks.push(
      details(
        "Upgrades",
        plan.upgrades.length,
        table(
          ["#", "Package", "From", "To", "Fixes", "Apply"],
          plan.upgrades.map((u, i) => upgradeRow(u, i + 1)),
        ),
      ),
    );
  if (plan.unfixed.length > 0)
    blocks.push(
      details(
        "No fix yet",
        plan.unfixed.length,
        table(
          ["Vulnerability", "Severity", "Package", "Version", "Why"],
          plan.unfixed.map((f) => [f.id, f.severity, f.package, code(f.version), f.reason]),
        ),
      ),
    );
  return `${blocks.join("\n\n")}\n`;
}

function upgradeRow(u: PlannedUpgrade, rank: number): string[] {
  const fixes = `${u.findings.length} (${u.vulnerabilities.join(", ")})`;
  const apply = u.command ? code(u.command) : (u.manifests ?? []).map(code).join(", ");
  return [
    String(rank),
    `${u.name} (${u.type})`,
    code(u.installedVersion),
    code(u.targetVersion),
    fixes,
    apply,
  ];
}

function details(title: string, count: number, body: string): string {
  return `<details>\n<summary>${title} (${count})</summary>\n\n${body}\n\n</details>`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- |").join("")}`, ...rows.map(line)].join("\n");
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/</g, "&lt;").replace(/\n/g, " ");
}

function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}
