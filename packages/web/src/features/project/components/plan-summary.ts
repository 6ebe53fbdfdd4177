import type { Schemas } from "../../../lib/api-client";

export type RemediationPlan = NonNullable<Schemas["SnapshotPlan"]["plan"]>;
export type PlannedUpgrade = Schemas["PlannedUpgrade"];

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The plan in one line: "3 of 5 findings fixed by 2 upgrades". */
export function planSummary(plan: RemediationPlan): string {
  if (plan.total === 0) return "Nothing to fix: this snapshot has no findings.";
  const fixed = `${plan.fixable} of ${plural(plan.total, "finding")} fixed`;
  if (plan.upgrades.length === 0) return `${fixed}: no upgrade is known for any of them.`;
  return `${fixed} by ${plural(plan.upgrades.length, "upgrade")}.`;
}

/**
 * The worst severity among `findings`, by the server's order (worst first); a severity the
 * server does not list ranks below all it does, so an unknown label never hides a critical one.
 */
export function worstSeverity(
  findings: readonly { severity: string }[],
  order: readonly string[],
): string | undefined {
  const rank = (s: string) => {
    const i = order.indexOf(s);
    return i === -1 ? order.length : i;
  };
  return findings.map((f) => f.severity).sort((a, b) => rank(a) - rank(b))[0];
}
