import type { Finding } from "../match/types.js";
import type { VersionScheme } from "../version/types.js";

/** The version a finding needs, or why none can be named. */
export type NeededVersion =
  | { version: string }
  | { unfixed: "not-fixed" | "wont-fix" | "unorderable"; reason: string };

/**
 * The lowest fixed version above the installed one. A record may name several fixes (one per
 * branch, as Alpine's secdb does for busybox 1.29.3-r10 and 1.30.1-r2); the installed version
 * picks the branch: the nearest fix above it. Versions the scheme cannot read are passed over,
 * never guessed at.
 */
export function neededVersion(finding: Finding, scheme: VersionScheme): NeededVersion {
  if (finding.fix.state !== "fixed") {
    const said = finding.fix.note ? `: ${finding.fix.note}` : "";
    const reason =
      finding.fix.state === "wont-fix"
        ? `the vendor will not fix it${said}`
        : "no fixed version yet";
    return { unfixed: finding.fix.state, reason };
  }
  const installed = finding.matchedAs.version;
  const above = finding.fix.versions.filter(
    (v) => scheme.isValid(v) && scheme.compare(v, installed) > 0,
  );
  const lowest = highest(above, scheme, -1);
  if (lowest) return { version: lowest };
  const named = finding.fix.versions.join(", ");
  return {
    unfixed: "unorderable",
    reason: `fixed in ${named}, none of which reads as a ${scheme.id} version above ${installed}`,
  };
}

/** The greatest version of a list under a scheme (or the least, with `sign` -1). */
export function highest(
  versions: readonly string[],
  scheme: VersionScheme,
  sign: 1 | -1 = 1,
): string | undefined {
  let best: string | undefined;
  for (const v of versions) if (best === undefined || scheme.compare(v, best) * sign > 0) best = v;
  return best;
}
