import { compare as comparePep440, parse as parsePep440 } from "@renovatebot/pep440";
import { sign } from "../compare-parts.js";
import { defineScheme } from "../define-scheme.js";
import type { Comparison, VersionScheme } from "../types.js";

/** A PEP 440 version as @renovatebot/pep440 parses it, with the text it came from. */
export interface Pep440Parsed {
  text: string;
  epoch: number;
  release: number[];
  local: string | null;
}

function parse(version: string): Pep440Parsed | null {
  const parsed = parsePep440(version);
  if (!parsed) return null;
  return { text: version, epoch: parsed.epoch, release: parsed.release, local: parsed.local };
}

/**
 * PEP 440 ordering (epoch, release, pre, post, dev, local) as @renovatebot/pep440 computes it.
 * It takes strings, so the text is parsed once more; the library keeps numbers as doubles.
 * TODO: release numbers above 2^53 lose precision in the library, so two such versions that
 * differ only there may compare equal; no PyPI project is known to use them.
 */
function compare(a: Pep440Parsed, b: Pep440Parsed): Comparison {
  return sign(comparePep440(a.text, b.text));
}

/** Python package versions (PEP 440), ordered as pip orders them. */
export const pep440 = defineScheme<Pep440Parsed>({
  id: "pep440",
  parse,
  compareParsed: compare,
  capabilities: [
    { feature: "epoch", supported: true, example: { a: "1!0.1", b: "2.0", expected: 1 } },
    {
      feature: "pre, post and dev releases",
      supported: true,
      example: { a: "1.0.dev1", b: "1.0a1", expected: -1 },
    },
    {
      feature: "local versions",
      supported: true,
      example: { a: "1.0+ubuntu1", b: "1.0", expected: 1 },
    },
    {
      feature: "normalised spellings",
      supported: true,
      example: { a: "1.0-RC1", b: "1.0rc1", expected: 0 },
    },
    {
      feature: "legacy (non-PEP 440) versions",
      supported: false,
      example: { invalid: "1.0-foo-bar" },
    },
  ],
}) satisfies VersionScheme<Pep440Parsed>;
