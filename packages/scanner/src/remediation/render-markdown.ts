/**
 * The plan as GitHub-flavoured markdown: a summary line, the upgrades as a table with their
 * commands, and the findings without a fix in a collapsed `<details>` section.
 */
import {
  markdownCode as code,
  markdownTable as table,
  markdownText as text,
} from "../format/shared/markdown-table.js";
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
          plan.unfixed.map((f) => [
            text(f.id),
            text(f.severity),
            text(f.package),
            code(f.version),
            text(f.reason),
          ]),
        ),
      ),
    );
  return `${blocks.join("\n\n")}\n`;
}

function upgradeRow(u: PlannedUpgrade, rank: number): string[] {
  const fixes = text(`${u.findings.length} (${u.vulnerabilities.join(", ")})`);
  const apply = u.command ? code(u.command) : (u.manifests ?? []).map(code).join(", ");
  return [
    String(rank),
    text(`${u.name} (${u.type})`),
    code(u.installedVersion),
    code(u.targetVersion),
    fixes,
    apply,
  ];
}

function details(title: string, count: number, body: string): string {
  return `<details>\n<summary>${title} (${count})</summary>\n\n${body}\n\n</details>`;
}
