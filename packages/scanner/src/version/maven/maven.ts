import { defineScheme } from "../define-scheme.js";
import type { VersionScheme } from "../types.js";
import { compareItem } from "./compare-maven.js";
import type { ListItem } from "./items.js";
import { parseMaven } from "./parse-maven.js";

/** Maven artifact versions, ordered as Maven's ComparableVersion orders them. */
export const maven = defineScheme<ListItem>({
  id: "maven",
  parse: parseMaven,
  compareParsed: compareItem,
  capabilities: [
    {
      feature: "known qualifiers in order",
      supported: true,
      example: { a: "1.0-rc1", b: "1.0-SNAPSHOT", expected: -1 },
    },
    {
      feature: "release words equal release",
      supported: true,
      example: { a: "1.0.Final", b: "1.0", expected: 0 },
    },
    {
      feature: "service packs after release",
      supported: true,
      example: { a: "1.0-sp1", b: "1.0", expected: 1 },
    },
    {
      feature: "trailing zeros ignored",
      supported: true,
      example: { a: "1.0.0", b: "1", expected: 0 },
    },
    {
      feature: "short qualifiers a1 b1 m1",
      supported: true,
      example: { a: "1.0a1", b: "1.0-alpha-1", expected: 0 },
    },
    {
      feature: "numbers of any length",
      supported: true,
      example: { a: "1.12345678901234567890", b: "1.9", expected: 1 },
    },
    { feature: "whitespace inside a version", supported: false, example: { invalid: "1.0 beta" } },
  ],
}) satisfies VersionScheme<ListItem>;
