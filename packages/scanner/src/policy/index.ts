/** Ignore rules, OpenVEX statements and severity thresholds applied to a scan's findings. */
export { applyPolicy } from "./apply-policy.js";
export { PolicyError } from "./errors.js";
export { isExpired, ruleMatches } from "./ignore/ignore-rule.js";
export { parseIgnoreRules } from "./ignore/parse-ignore-rules.js";
export { purlMatches } from "./purl-match.js";
export {
  compareFindings,
  findingsAtOrAbove,
  parseSeverity,
  SEVERITY_ORDER,
  severityRank,
} from "./severity.js";
export type * from "./types.js";
export { parseOpenVex } from "./vex/parse-openvex.js";
