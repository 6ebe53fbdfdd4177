import spdxCorrect from "spdx-correct";
import parseSpdx from "spdx-expression-parse";

/**
 * Normalises one declared licence to an SPDX expression where it can be read as one: a valid
 * expression is kept as written, a near miss (`Apache 2.0`, `GPLv2`) is corrected by
 * spdx-correct, and anything else is kept exactly as given, so no declared fact is lost.
 */
export function normalizeLicense(declared: string): string {
  const text = declared.trim();
  if (isSpdxExpression(text)) return text;
  return spdxCorrect(text) ?? text;
}

/** Normalises a list of declared licences, dropping empty entries and duplicates. */
export function normalizeLicenses(declared: readonly string[]): string[] | undefined {
  const out = [...new Set(declared.map((d) => d.trim()).filter((d) => d !== ""))];
  return out.length > 0 ? out.map(normalizeLicense) : undefined;
}

function isSpdxExpression(text: string): boolean {
  try {
    parseSpdx(text);
    return true;
  } catch {
    return false;
  }
}
