import { defineScheme } from "../define-scheme.js";
import type { VersionScheme } from "../types.js";
import { compareDpkg } from "./compare-dpkg.js";
import { type DpkgVersion, parseDpkg } from "./parse-dpkg.js";

/** Debian package versions, ordered as `dpkg --compare-versions` orders them. */
export const dpkg = defineScheme<DpkgVersion>({
  id: "dpkg",
  parse: parseDpkg,
  compareParsed: compareDpkg,
  capabilities: [
    { feature: "epoch", supported: true, example: { a: "1:0.9", b: "2.0", expected: 1 } },
    {
      feature: "tilde sorts before release",
      supported: true,
      example: { a: "1.0~rc1", b: "1.0", expected: -1 },
    },
    {
      feature: "missing revision equals -0",
      supported: true,
      example: { a: "1.0", b: "1.0-0", expected: 0 },
    },
    {
      feature: "backport ~debNuM",
      supported: true,
      example: { a: "1.2-1~deb11u1", b: "1.2-1", expected: -1 },
    },
    { feature: "binNMU +bN", supported: true, example: { a: "1.2-1+b1", b: "1.2-1", expected: 1 } },
    {
      feature: "upstream not starting with a digit",
      supported: false,
      example: { invalid: "abc-1" },
      note: "dpkg only warns; policy forbids it, so it is reported",
    },
    { feature: "non-numeric epoch", supported: false, example: { invalid: "a:1.0" } },
  ],
}) satisfies VersionScheme<DpkgVersion>;
