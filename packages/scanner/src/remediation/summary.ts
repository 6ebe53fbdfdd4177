import type { RemediationPlan } from "./types.js";

/** `3 upgrades fix 10 of 12 findings; 2 have no fix yet`. */
export function planSummary(plan: RemediationPlan): string {
  const n = plan.upgrades.length;
  const upgrades = `${n} upgrade${n === 1 ? "" : "s"} fix ${plan.fixable} of ${plan.total} findings`;
  const unfixed = plan.unfixed.length;
  if (unfixed === 0) return upgrades;
  return `${upgrades}; ${unfixed} ${unfixed === 1 ? "has" : "have"} no usable fix yet`;
}
