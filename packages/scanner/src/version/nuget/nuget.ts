import { compareDigits, compareStrings, sign } from "../compare-parts.js";
import { defineScheme } from "../define-scheme.js";
import type { Comparison, VersionScheme } from "../types.js";

/** A NuGet version: up to four numbers (missing ones are 0) and pre-release labels. */
export interface NuGetVersion {
  numbers: [number, number, number, number];
  labels: string[];
}

const LABELS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
const GRAMMAR = new RegExp(`^([0-9]+(?:\\.[0-9]+){0,3})(?:-(${LABELS}))?(?:\\+${LABELS})?$`);
// NuGet stores each number in an Int32 and refuses larger ones.
const MAX_PART = 2147483647;

/**
 * Parses a NuGet version (NuGet.Versioning's NuGetVersion): SemVer 2.0 plus an optional fourth
 * number and leading zeros; build metadata after `+` is dropped, as NuGet ignores it.
 */
function parseNuGet(version: string): NuGetVersion | null {
  const m = GRAMMAR.exec(version);
  if (!m) return null;
  const parts = m[1].split(".").map(Number);
  if (parts.some((n) => n > MAX_PART)) return null;
  const numbers: NuGetVersion["numbers"] = [0, 0, 0, 0];
  parts.forEach((n, i) => {
    numbers[i] = n;
  });
  return { numbers, labels: m[2] ? m[2].split(".") : [] };
}

/** Numbers first; then a release beats a pre-release; then labels one by one. */
function compareNuGet(a: NuGetVersion, b: NuGetVersion): Comparison {
  for (let i = 0; i < 4; i++)
    if (a.numbers[i] !== b.numbers[i]) return sign(a.numbers[i] - b.numbers[i]);
  if (a.labels.length === 0 || b.labels.length === 0)
    return sign(b.labels.length - a.labels.length);
  for (let i = 0; i < Math.min(a.labels.length, b.labels.length); i++) {
    const diff = compareLabel(a.labels[i], b.labels[i]);
    if (diff !== 0) return diff;
  }
  return sign(a.labels.length - b.labels.length);
}

/** Numeric labels by value and before words; words case-insensitively (ordinal, upper-cased). */
function compareLabel(a: string, b: string): Comparison {
  const numericA = /^[0-9]+$/.test(a);
  const numericB = /^[0-9]+$/.test(b);
  if (numericA && numericB) return compareDigits(a, b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return compareStrings(a.toUpperCase(), b.toUpperCase());
}

/** NuGet package versions, ordered as NuGet.Versioning orders them. */
export const nuget = defineScheme<NuGetVersion>({
  id: "nuget",
  parse: parseNuGet,
  compareParsed: compareNuGet,
  capabilities: [
    {
      feature: "fourth number",
      supported: true,
      example: { a: "1.0.0.1", b: "1.0.0", expected: 1 },
    },
    {
      feature: "missing numbers are zero",
      supported: true,
      example: { a: "1.0", b: "1.0.0.0", expected: 0 },
    },
    {
      feature: "case-insensitive labels",
      supported: true,
      example: { a: "1.0.0-BETA", b: "1.0.0-beta", expected: 0 },
    },
    {
      feature: "build metadata ignored",
      supported: true,
      example: { a: "1.0.0+abc", b: "1.0.0", expected: 0 },
    },
    { feature: "numbers above Int32", supported: false, example: { invalid: "2147483648.0.0" } },
    { feature: "floating versions and ranges", supported: false, example: { invalid: "1.0.*" } },
  ],
}) satisfies VersionScheme<NuGetVersion>;
