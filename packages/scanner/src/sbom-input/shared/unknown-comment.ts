import type { Unknown } from "../../types.js";

// Lading's SPDX writer records each unknown as `unknown: PATH (layer L, cataloger C): REASON`;
// the parenthesised part and either of its entries may be missing.
const COMMENT = /^unknown: (.*?)(?: \(((?:layer [^,)]+)?(?:, )?(?:cataloger [^)]+)?)\))?: (.*)$/s;

/** The unknown an annotation comment written by Lading describes, or undefined. */
export function parseUnknownComment(comment: unknown): Unknown | undefined {
  if (typeof comment !== "string") return undefined;
  const match = COMMENT.exec(comment);
  if (!match) return undefined;
  const [, path, context = "", reason] = match;
  const layer = /layer ([^,]+)/.exec(context)?.[1];
  const cataloger = /cataloger (.+)$/.exec(context)?.[1];
  return { path, ...(layer ? { layer } : {}), ...(cataloger ? { cataloger } : {}), reason };
}
