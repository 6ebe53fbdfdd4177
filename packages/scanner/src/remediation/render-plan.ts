import { LadingError } from "../errors.js";
import { renderPlanMarkdown } from "./render-markdown.js";
import { renderPlanTable } from "./render-table.js";
import type { RemediationPlan } from "./types.js";

/** The output formats of a remediation plan. */
export const PLAN_FORMATS = ["table", "json", "markdown"] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];

/** Reads a format name as users type it; anything else is an error naming the known ones. */
export function parsePlanFormat(value: string): PlanFormat {
  const format = PLAN_FORMATS.find((f) => f === value);
  if (format) return format;
  throw new LadingError(`unknown plan format ${value} (${PLAN_FORMATS.join(", ")})`);
}

/** Writes a plan in one of {@link PLAN_FORMATS}, ending with a newline. */
export function renderRemediationPlan(plan: RemediationPlan, format: PlanFormat): string {
  if (format === "json") return `${JSON.stringify(plan, null, 2)}\n`;
  if (format === "markdown") return renderPlanMarkdown(plan);
  return renderPlanTable(plan);
}
