import { compareDigits, compareStrings, sign } from "../compare-parts.js";
import { defineScheme } from "../define-scheme.js";
import type { Comparison, VersionScheme } from "../types.js";
import { type GoVersion, parseGo } from "./parse-go.js";

/**
 * SemVer 2.0 precedence, as golang.org/x/mod/semver.Compare: numbers at any length, then a
 * release after its pre-releases, then identifiers one by one. `+incompatible` is ignored, and
 * pseudo-versions need no special case: their shape was chosen so precedence orders them
 * after their base tag and before the next release, by commit time.
 */
function compareGo(a: GoVersion, b: GoVersion): Comparison {
  return (
    compareDigits(a.major, b.major) ||
    compareDigits(a.minor, b.minor) ||
    compareDigits(a.patch, b.patch) ||
    comparePrerelease(a.prerelease, b.prerelease)
  );
}

function comparePrerelease(a: string[], b: string[]): Comparison {
  if (a.length === 0 || b.length === 0) return sign(b.length - a.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const diff = compareIdentifier(a[i], b[i]);
    if (diff !== 0) return diff;
  }
  return sign(a.length - b.length);
}

function compareIdentifier(a: string, b: string): Comparison {
  const numericA = /^[0-9]+$/.test(a);
  const numericB = /^[0-9]+$/.test(b);
  if (numericA && numericB) return compareDigits(a, b);
  if (numericA !== numericB) return numericA ? -1 : 1;
  return compareStrings(a, b);
}

/** Go module versions, ordered as the go command orders them. */
export const go = defineScheme<GoVersion>({
  id: "go",
  parse: parseGo,
  compareParsed: compareGo,
  capabilities: [
    {
      feature: "v prefix optional",
      supported: true,
      example: { a: "v1.2.3", b: "1.2.3", expected: 0 },
    },
    {
      feature: "pseudo-versions",
      supported: true,
      example: {
        a: "v0.0.0-20240102150405-abcdef123456",
        b: "v0.0.0-20230102150405-abcdef123456",
        expected: 1,
      },
    },
    {
      feature: "pseudo-version after its base tag",
      supported: true,
      example: { a: "v1.2.4-0.20240102150405-abcdef123456", b: "v1.2.3", expected: 1 },
    },
    {
      feature: "+incompatible",
      supported: true,
      example: { a: "v2.0.0+incompatible", b: "v2.0.0", expected: 0 },
    },
    {
      feature: "+incompatible below v2",
      supported: false,
      example: { invalid: "v1.0.0+incompatible" },
    },
    { feature: "(devel) main modules", supported: false, example: { invalid: "(devel)" } },
    {
      feature: "Go toolchain versions (go1.21.3)",
      supported: false,
      example: { invalid: "go1.21.3" },
      note: "TODO: the standard library's versions need their own scheme; they are refused",
    },
  ],
}) satisfies VersionScheme<GoVersion>;
