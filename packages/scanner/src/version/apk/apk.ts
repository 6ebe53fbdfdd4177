import { defineScheme } from "../define-scheme.js";
import type { VersionScheme } from "../types.js";
import { compareApk } from "./compare-apk.js";
import { type ApkPart, parseApk } from "./parse-apk.js";

/** Alpine package versions, ordered as apk-tools orders them. */
export const apk = defineScheme<ApkPart[]>({
  id: "apk",
  parse: parseApk,
  compareParsed: compareApk,
  capabilities: [
    {
      feature: "revision -rN",
      supported: true,
      example: { a: "1.2.3-r10", b: "1.2.3-r9", expected: 1 },
    },
    {
      feature: "pre-release suffixes",
      supported: true,
      example: { a: "1.0_rc1", b: "1.0", expected: -1 },
    },
    {
      feature: "post-release suffixes",
      supported: true,
      example: { a: "1.0_p2", b: "1.0", expected: 1 },
    },
    { feature: "trailing letter", supported: true, example: { a: "1.0a", b: "1.0", expected: 1 } },
    {
      feature: "leading-zero components as text",
      supported: true,
      example: { a: "1.02", b: "1.1", expected: -1 },
    },
    {
      feature: "commit hash ~hex",
      supported: true,
      example: { a: "1.0~1234", b: "1.0~2345", expected: -1 },
    },
    {
      feature: "invalid versions sorted as text",
      supported: false,
      example: { invalid: "1.0bc" },
      note: "apk-tools falls back to a string sort; Lading reports the version instead",
    },
  ],
}) satisfies VersionScheme<ApkPart[]>;
