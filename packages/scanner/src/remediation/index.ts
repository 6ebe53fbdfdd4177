/** Which upgrades fix the most findings, and how to apply them (what Copacetic and Scout recommend). */
export { type Installer, installerFor, installers } from "./installers.js";
export { planRemediation } from "./plan-remediation.js";
export { renderPlanMarkdown } from "./render-markdown.js";
export {
  PLAN_FORMATS,
  type PlanFormat,
  parsePlanFormat,
  renderRemediationPlan,
} from "./render-plan.js";
export { renderPlanTable } from "./render-table.js";
export { SEVERITY_WEIGHTS } from "./severity-weight.js";
export { planSummary } from "./summary.js";
export * from "./types.js";
