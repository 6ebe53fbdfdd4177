import type { Finding } from "../../match/types.js";
import { purlMatches } from "../purl-match.js";
import type { IgnoreRule } from "../types.js";

/** Whether a rule's last day is before `now`'s (UTC): from the next day on it stops applying. */
export function isExpired(rule: IgnoreRule, now: Date): boolean {
  return rule.expires !== undefined && rule.expires < now.toISOString().slice(0, 10);
}

/** Whether a rule names a finding: by any of its ids, and by its package when given. */
export function ruleMatches(rule: IgnoreRule, finding: Finding): boolean {
  if (rule.id && !finding.ids.includes(rule.id) && finding.id !== rule.id) return false;
  return rule.package === undefined || packageMatches(rule.package, finding);
}

function packageMatches(wanted: string, finding: Finding): boolean {
  const pkg = finding.package;
  if (wanted.startsWith("pkg:")) return purlMatches(wanted, pkg.purl);
  return wanted === pkg.name || wanted === pkg.source?.name || wanted === finding.matchedAs.name;
}

/** The rule as people would name it in a message. */
export function describeRule(rule: IgnoreRule): string {
  return [rule.id, rule.package].filter(Boolean).join(" in ");
}
