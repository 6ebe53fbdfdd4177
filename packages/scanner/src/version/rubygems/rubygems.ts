import { compareDigits, compareStrings } from "../compare-parts.js";
import { defineScheme } from "../define-scheme.js";
import type { Comparison, VersionScheme } from "../types.js";

/** A gem version's canonical segments: numbers (as digit strings) and pre-release words. */
export interface GemVersion {
  segments: Segment[];
}

type Segment = { number: string } | { word: string };

// Gem::Version::ANCHORED_VERSION_PATTERN (rubygems 3.5). Ruby also reads a blank string as
// "0"; Lading refuses it, since a package with no version is missing data, not version 0.
const GRAMMAR = /^\s*[0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?\s*$/;

/** Parses a gem version into Gem::Version's canonical segments, or `null`. */
function parseGem(version: string): GemVersion | null {
  if (!GRAMMAR.test(version)) return null;
  // Gem::Version turns `-` into `.pre.`, so `1.0-1` is the pre-release `1.0.pre.1`.
  const text = version.trim().replaceAll("-", ".pre.");
  const segments = (text.match(/[0-9]+|[a-z]+/gi) ?? []).map(toSegment);
  const firstWord = segments.findIndex((s) => "word" in s);
  if (firstWord < 0) return { segments: dropTrailingZeros(segments) };
  const release = dropTrailingZeros(segments.slice(0, firstWord));
  return { segments: [...release, ...dropTrailingZeros(segments.slice(firstWord))] };
}

function toSegment(text: string): Segment {
  return /^[0-9]/.test(text) ? { number: text } : { word: text };
}

function dropTrailingZeros(segments: Segment[]): Segment[] {
  let end = segments.length;
  while (end > 0 && isZero(segments[end - 1])) end--;
  return segments.slice(0, end);
}

function isZero(segment: Segment): boolean {
  return "number" in segment && /^0+$/.test(segment.number);
}

/** Gem::Version#<=>: segment by segment, missing ones are 0, a word sorts before a number. */
function compareGem(a: GemVersion, b: GemVersion): Comparison {
  const zero: Segment = { number: "0" };
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const diff = compareSegment(a.segments[i] ?? zero, b.segments[i] ?? zero);
    if (diff !== 0) return diff;
  }
  return 0;
}

function compareSegment(a: Segment, b: Segment): Comparison {
  if ("number" in a) return "number" in b ? compareDigits(a.number, b.number) : 1;
  return "word" in b ? compareStrings(a.word, b.word) : -1;
}

/** RubyGems versions, ordered as Gem::Version orders them. */
export const rubygems = defineScheme<GemVersion>({
  id: "rubygems",
  parse: parseGem,
  compareParsed: compareGem,
  capabilities: [
    {
      feature: "pre-release words",
      supported: true,
      example: { a: "1.0.0.rc1", b: "1.0.0", expected: -1 },
    },
    {
      feature: "hyphen as .pre.",
      supported: true,
      example: { a: "1.0-1", b: "1.0.pre.1", expected: 0 },
    },
    {
      feature: "trailing zeros ignored",
      supported: true,
      example: { a: "1.0.0", b: "1", expected: 0 },
    },
    {
      feature: "numbers of any length",
      supported: true,
      example: { a: "1.99999999999999999999", b: "1.2", expected: 1 },
    },
    {
      feature: "blank version as 0",
      supported: false,
      example: { invalid: "" },
      note: "Ruby reads it as 0",
    },
  ],
}) satisfies VersionScheme<GemVersion>;
