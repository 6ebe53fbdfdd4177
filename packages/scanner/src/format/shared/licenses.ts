import * as SPDX from "@cyclonedx/cyclonedx-library/SPDX";
import parseSpdxExpression from "spdx-expression-parse";

/**
 * A declared licence string, sorted into what SBOM formats can say about it: a single SPDX
 * licence id, a compound SPDX expression, or a free-text name no SPDX parser accepts.
 */
export type ClassifiedLicense =
  | { kind: "id"; id: string }
  | { kind: "expression"; expression: string }
  | { kind: "name"; name: string };

/** Sorts one declared licence string by what the SPDX expression grammar makes of it. */
export function classifyLicense(value: string): ClassifiedLicense {
  const text = value.trim();
  const parsed = tryParse(text);
  if (!parsed) return fixupCase(text);
  const isSingle = "license" in parsed && !parsed.plus && !("exception" in parsed);
  return isSingle ? { kind: "id", id: parsed.license } : { kind: "expression", expression: text };
}

// SPDX ids match case-insensitively (SPDX 2.3, annex D), and packages write `zlib` for `Zlib`.
function fixupCase(text: string): ClassifiedLicense {
  const id = SPDX.fixupSpdxId(text);
  return id ? { kind: "id", id } : { kind: "name", name: text };
}

function tryParse(text: string): parseSpdxExpression.Info | undefined {
  try {
    return parseSpdxExpression(text);
  } catch {
    // The parser throws on anything outside the grammar; that is an answer, not a fault.
    return undefined;
  }
}

/** The distinct, non-empty licence strings of a package, in declared order. */
export function declaredLicenses(licenses: readonly string[] | undefined): string[] {
  return [...new Set((licenses ?? []).map((l) => l.trim()).filter((l) => l.length > 0))];
}
