import type { Finding } from "../match/types.js";
import { describeRule, isExpired, ruleMatches } from "./ignore/ignore-rule.js";
import type { IgnoreRule, Policy, PolicyOutcome, Suppression, VexStatement } from "./types.js";
import { decidingStatement } from "./vex/vex-verdict.js";

/**
 * Filters findings by a policy, in this order: VEX statements (a vendor's word that the
 * product is not affected or fixed), then ignore rules still in force, then `onlyFixed`. Every
 * finding taken out is kept with the reason, and each expired rule gives one warning, so
 * nothing disappears without a word.
 */
export function applyPolicy(findings: readonly Finding[], policy: Policy): PolicyOutcome {
  const active = policy.ignore.filter((r) => !isExpired(r, policy.now));
  const outcome: PolicyOutcome = { findings: [], suppressed: [], warnings: [] };
  for (const rule of policy.ignore.filter((r) => isExpired(r, policy.now)))
    outcome.warnings.push(expiredWarning(rule, findings));
  for (const finding of findings) {
    const suppression = suppressionOf(finding, policy, active);
    if (suppression) outcome.suppressed.push({ finding, suppression });
    else outcome.findings.push(finding);
  }
  return outcome;
}

function suppressionOf(
  finding: Finding,
  policy: Policy,
  rules: readonly IgnoreRule[],
): Suppression | undefined {
  const statement = decidingStatement(policy.vex, finding, policy.subject);
  if (statement && (statement.status === "not_affected" || statement.status === "fixed"))
    return { by: "vex", reason: vexReason(statement), statement };
  const rule = rules.find((r) => ruleMatches(r, finding));
  if (rule) return { by: "ignore", reason: ignoreReason(rule), rule };
  if (policy.onlyFixed && finding.fix.state !== "fixed")
    return { by: "only-fixed", reason: `no fixed version (${finding.fix.state})` };
  return undefined;
}

function vexReason(statement: VexStatement): string {
  const why = statement.justification ?? statement.impactStatement ?? statement.actionStatement;
  return `VEX ${statement.status}${why ? `: ${why}` : ""} (${statement.document})`;
}

function ignoreReason(rule: IgnoreRule): string {
  const until = rule.expires ? ` (until ${rule.expires})` : "";
  return `ignored: ${rule.reason ?? "no reason given"}${until}`;
}

function expiredWarning(rule: IgnoreRule, findings: readonly Finding[]): string {
  const hits = findings.filter((f) => ruleMatches(rule, f)).length;
  const effect = hits > 0 ? `; ${hits} finding${hits === 1 ? " is" : "s are"} reported again` : "";
  return `ignore rule ${describeRule(rule)} expired on ${rule.expires} and no longer applies${effect}`;
}
