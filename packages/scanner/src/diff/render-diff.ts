import { LadingError } from "../errors.js";
import { renderDiffMarkdown } from "./render-markdown.js";
import { renderDiffTable } from "./render-table.js";
import type { ImageDiff } from "./types.js";

/** The output formats of a diff. */
export const DIFF_FORMATS = ["table", "json", "markdown"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** Reads a format name as users type it; anything else is an error naming the known ones. */
export function parseDiffFormat(value: string): DiffFormat {
  const format = DIFF_FORMATS.find((f) => f === value);
  if (format) return format;
  throw new LadingError(`unknown output format ${value} for diff (${DIFF_FORMATS.join(", ")})`);
}

/** Writes a diff in one of {@link DIFF_FORMATS}, ending with a newline. */
export function renderDiff(diff: ImageDiff, format: DiffFormat): string {
  if (format === "json") return `${JSON.stringify(diff, null, 2)}\n`;
  if (format === "markdown") return renderDiffMarkdown(diff);
  return renderDiffTable(diff);
}
