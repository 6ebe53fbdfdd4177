import { parse as parseSemver, type SemVer } from "semver";
import { defineScheme } from "../define-scheme.js";
import type { Comparison, VersionScheme } from "../types.js";

// npm's loose grammar: a superset of SemVer 2.0 that also takes `=` or `v` with spaces before
// the version, as npm itself reads package.json files.
const OPTIONS = { loose: true } as const;
// Every version npm's loose grammar accepts starts like this. npm's parse throws and catches
// inside for each invalid input, which costs more than a comparison; this cheap necessary
// condition spares most of them. npm's parser still decides.
const SHAPE = /^[\s=v]*[0-9]+\.[0-9]+\.[0-9]+/;

function parse(version: string): SemVer | null {
  return SHAPE.test(version) ? parseSemver(version, OPTIONS) : null;
}

/**
 * SemVer 2.0 precedence through npm's `semver`. Build metadata is ignored, numbers above
 * 2^53 - 1 are refused (npm refuses them; Rust's semver crate stops at 2^64 - 1).
 */
function compare(a: SemVer, b: SemVer): Comparison {
  return a.compare(b);
}

/** SemVer 2.0 versions of npm and crates.io packages, ordered as npm's `semver` orders them. */
export const semver = defineScheme<SemVer>({
  id: "semver",
  parse,
  compareParsed: compare,
  capabilities: [
    {
      feature: "pre-release precedence",
      supported: true,
      example: { a: "1.0.0-alpha.1", b: "1.0.0-alpha.beta", expected: -1 },
    },
    {
      feature: "build metadata ignored",
      supported: true,
      example: { a: "1.0.0+build.1", b: "1.0.0", expected: 0 },
    },
    {
      feature: "leading v or =",
      supported: true,
      example: { a: "v1.2.3", b: "=1.2.3", expected: 0 },
    },
    { feature: "more than three numbers", supported: false, example: { invalid: "1.2.3.4" } },
    {
      feature: "numbers above 2^53 - 1",
      supported: false,
      example: { invalid: "99999999999999999999.0.0" },
    },
    {
      feature: "ranges",
      supported: false,
      example: { invalid: "^1.2.3" },
      note: "a range is not a version",
    },
  ],
}) satisfies VersionScheme<SemVer>;
