import { compareDigits } from "../compare-parts.js";
import { defineScheme } from "../define-scheme.js";
import type { Comparison, VersionScheme } from "../types.js";
import { parseRpm, type RpmVersion } from "./parse-rpm.js";
import { rpmvercmp } from "./rpmvercmp.js";

/**
 * Orders two EVRs: epoch by value, then version, then release, each with rpmvercmp. A missing
 * release sorts before any release: rpm itself treats it as "any release" when matching
 * dependencies, but an ordering has to place it, and advisories always give one.
 */
function compareRpm(a: RpmVersion, b: RpmVersion): Comparison {
  const byEpoch = compareDigits(a.epoch, b.epoch);
  if (byEpoch !== 0) return byEpoch;
  const byVersion = rpmvercmp(a.version, b.version);
  if (byVersion !== 0) return byVersion;
  if (a.release === undefined || b.release === undefined) {
    return a.release === b.release ? 0 : a.release === undefined ? -1 : 1;
  }
  return rpmvercmp(a.release, b.release);
}

/** RPM package versions (`[epoch:]version[-release]`), ordered as rpm orders them. */
export const rpm = defineScheme<RpmVersion>({
  id: "rpm",
  parse: parseRpm,
  compareParsed: compareRpm,
  capabilities: [
    { feature: "epoch", supported: true, example: { a: "1:1.0-1", b: "2.0-1", expected: 1 } },
    {
      feature: "tilde pre-release",
      supported: true,
      example: { a: "1.0~rc1-1", b: "1.0-1", expected: -1 },
    },
    {
      feature: "caret post-release",
      supported: true,
      example: { a: "1.0^git1-1", b: "1.0-1", expected: 1 },
    },
    {
      feature: "caret before further runs",
      supported: true,
      example: { a: "1.0^git1", b: "1.0.1", expected: -1 },
    },
    {
      feature: "missing release sorts first",
      supported: true,
      example: { a: "1.0", b: "1.0-1", expected: -1 },
    },
    { feature: "non-numeric epoch", supported: false, example: { invalid: "a:1.0-1" } },
    {
      feature: "full NEVRA with name and arch",
      supported: false,
      example: { invalid: "bash-5.1-1.el9.x86_64" },
      note: "pass the EVR; names and arches are the package's, not the version's",
    },
  ],
}) satisfies VersionScheme<RpmVersion>;
