/** The plan as text for a terminal: one numbered block per upgrade, then the findings left. */
import { alignColumns, terminalLines } from "../format/shared/terminal-text.js";
import { planSummary } from "./summary.js";
import type { PlannedUpgrade, RemediationPlan, UnfixedFinding } from "./types.js";

/** Writes `plan` as text, ending with a newline. */
export function renderPlanTable(plan: RemediationPlan): string {
  const lines = [`Remediation plan: ${planSummary(plan)}`];
  for (const [i, u] of plan.upgrades.entries()) lines.push("", ...upgradeLines(u, i + 1));
  if (plan.unfixed.length > 0) lines.push("", "No fix yet", ...unfixedLines(plan.unfixed));
  return `${terminalLines(lines)}\n`;
}

function upgradeLines(u: PlannedUpgrade, rank: number): string[] {
  const n = u.findings.length;
  const head = `${rank}. ${u.name} ${u.installedVersion} → ${u.targetVersion} (${u.type}): fixes ${n} finding${n === 1 ? "" : "s"}, score ${u.score}`;
  const lines = [head, `   vulnerabilities: ${u.vulnerabilities.join(", ")}`];
  const names = u.packages.map((p) => p.name);
  if (u.kind === "os" && (names.length > 1 || names[0] !== u.name))
    lines.push(`   packages: ${names.join(", ")}`);
  if (u.command) lines.push(`   run: ${u.command}`);
  if (u.manifests?.length) lines.push(`   change: ${u.manifests.join(", ")}`);
  for (const note of u.notes) lines.push(`   note: ${note}`);
  return lines;
}

function unfixedLines(unfixed: UnfixedFinding[]): string[] {
  const rows = unfixed.map((f) => [f.id, f.severity, `${f.package} ${f.version}`, f.reason]);
  return alignColumns(rows).map((line) => `  ${line}`);
}
