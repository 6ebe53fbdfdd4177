import { compareDigits, sign } from "../compare-parts.js";
import { defineScheme } from "../define-scheme.js";
import type { Comparison, VersionScheme } from "../types.js";

/** A Composer version as PHP's version_compare splits it: numbers and special words. */
export interface ComposerVersion {
  parts: string[];
}

// PHP's special forms (ext/standard/versioning.c) with their weights; a number weighs as `#`.
// `patch` is Composer's spelling of `p`; PHP matches forms by prefix, so it weighs the same.
const SPECIAL: Readonly<Record<string, number>> = {
  dev: 0,
  alpha: 1,
  a: 1,
  beta: 2,
  b: 2,
  rc: 3,
  "#": 4,
  pl: 5,
  p: 5,
  patch: 5,
};
const NUMBER_WEIGHT = SPECIAL["#"];
const RELEASE = /^[vV]?[0-9][0-9A-Za-z.\-_+#]*$/;
const BRANCH = /^dev-[0-9A-Za-z._/-]+$/;
const WORD = /[0-9]+|[A-Za-z]+|#/g;

/**
 * Splits a version as version_compare does after Composer's leading `v` is dropped: `-`, `_`,
 * `+` and `.` separate parts, and so does every switch between digits and letters. Words must
 * be stability flags Composer knows (dev, alpha/a, beta/b, RC, patch/pl/p); a branch such as
 * `dev-main` is accepted whole and sorts before every release.
 */
function parseComposer(version: string): ComposerVersion | null {
  if (BRANCH.test(version)) return { parts: ["dev", ...version.slice(4).split(/[^0-9A-Za-z]+/)] };
  if (!RELEASE.test(version)) return null;
  const parts = (version.replace(/^[vV]/, "").match(WORD) ?? []).map((p) => p.toLowerCase());
  return parts.every((p) => /^[0-9]/.test(p) || p in SPECIAL) ? { parts } : null;
}

/**
 * version_compare's order, part by part: numbers by value, words by weight, a number against
 * a word as `#`. When one side ends, a further number makes the other newer, and a further
 * word is weighed against `#` (so `1.0RC1` < `1.0` < `1.0pl1`).
 */
function compareComposer(a: ComposerVersion, b: ComposerVersion): Comparison {
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
    const diff = comparePart(a.parts[i], b.parts[i]);
    if (diff !== 0) return diff;
  }
  return 0;
}

function comparePart(a: string | undefined, b: string | undefined): Comparison {
  if (a === undefined) return b === undefined ? 0 : (-comparePart(b, a) as Comparison);
  if (b === undefined) return isNumber(a) ? 1 : sign(weight(a) - NUMBER_WEIGHT);
  if (isNumber(a) && isNumber(b)) return compareDigits(a, b);
  return sign(weight(a) - weight(b));
}

function isNumber(part: string): boolean {
  return part.charCodeAt(0) >= 48 && part.charCodeAt(0) <= 57;
}

/** A part's weight; words PHP does not know (branch names) weigh least, as in PHP. */
function weight(part: string): number {
  if (isNumber(part)) return NUMBER_WEIGHT;
  return SPECIAL[part] ?? -6;
}

/** Composer (Packagist) versions, ordered as PHP's version_compare orders them. */
export const composer = defineScheme<ComposerVersion>({
  id: "composer",
  parse: parseComposer,
  compareParsed: compareComposer,
  capabilities: [
    {
      feature: "stability flags in order",
      supported: true,
      example: { a: "1.0-beta1", b: "1.0-RC1", expected: -1 },
    },
    {
      feature: "dev before alpha",
      supported: true,
      example: { a: "1.0-dev", b: "1.0-alpha1", expected: -1 },
    },
    {
      feature: "patch after release",
      supported: true,
      example: { a: "1.0-patch1", b: "1.0", expected: 1 },
    },
    { feature: "leading v", supported: true, example: { a: "v2.1.0", b: "2.1.0", expected: 0 } },
    {
      feature: "branches sort first",
      supported: true,
      example: { a: "dev-main", b: "0.0.1", expected: -1 },
    },
    {
      feature: "trailing .0 ignored (Composer normalisation)",
      supported: false,
      example: { a: "1.0.0", b: "1.0", expected: 1 },
      note: "version_compare keeps them apart; Composer's constraints would pad to four numbers",
    },
    { feature: "unknown words", supported: false, example: { invalid: "1.0-foo" } },
    {
      feature: "branch aliases like 2.x-dev",
      supported: false,
      example: { invalid: "2.x-dev" },
      note: "TODO: `x` is not a stability flag, so dev aliases of branches are refused",
    },
  ],
}) satisfies VersionScheme<ComposerVersion>;
