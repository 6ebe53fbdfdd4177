import type { Affected } from "../../types.js";

/** One release's entry of one CVE of one source package, as the tracker's JSON export writes it. */
export interface TrackerRelease {
  status?: string;
  fixed_version?: string;
  urgency?: string;
  nodsa?: string;
  nodsa_reason?: string;
}

/**
 * What a tracker release entry says, as an affected package, or undefined when it says the
 * release is not affected.
 *
 * The fix states, decided from what the security team writes (see the tracker's
 * `data/CVE/list` conventions, https://security-team.debian.org/security_tracker.html):
 * - `resolved` with a version: fixed in that version; with `0`: never affected (dropped).
 * - `open` or `undetermined`: not fixed.
 * - won't fix only when the team says no fix will come: `<ignored>` (`nodsa_reason: ignored`),
 *   or the `end-of-life` urgency (the package's security support ended in that release).
 *   `<no-dsa>` and `<postponed>` are *not* won't-fix: they say no advisory will be issued
 *   now, and fixes for them routinely arrive in point releases; calling them won't-fix would
 *   teach users to ignore fixes that do come. Their note is kept on the finding.
 */
export function toAffected(
  ecosystem: string,
  name: string,
  release: TrackerRelease,
): Affected | undefined {
  const fixed = release.fixed_version;
  if (release.status === "resolved") {
    if (!fixed || fixed === "0") return undefined;
    return withSeverity({ ecosystem, name, ranges: range(fixed) }, release);
  }
  if (release.status !== "open" && release.status !== "undetermined") return undefined;
  const affected: Affected = { ecosystem, name, ranges: range(undefined), state: "not-fixed" };
  const note = noteOf(release);
  if (note) affected.note = note;
  if (release.urgency === "end-of-life" || release.nodsa_reason === "ignored")
    affected.state = "wont-fix";
  return withSeverity(affected, release);
}

function range(fixed: string | undefined): Affected["ranges"] {
  const events = fixed ? [{ introduced: "0" }, { fixed }] : [{ introduced: "0" }];
  return [{ type: "ECOSYSTEM", events }];
}

function noteOf(release: TrackerRelease): string | undefined {
  if (release.urgency === "end-of-life") return "end-of-life";
  if (release.status === "undetermined") return "undetermined";
  if (release.nodsa === undefined && !release.nodsa_reason) return undefined;
  const kind = release.nodsa_reason || "no-dsa";
  return release.nodsa ? `${kind}: ${release.nodsa}` : kind;
}

/**
 * The urgency as a severity: `**` marks urgencies the team guessed from the CVE text; the
 * word is kept. `unimportant` is Debian's word for negligible; `not yet assigned` and
 * `end-of-life` rate nothing.
 */
function withSeverity(affected: Affected, release: TrackerRelease): Affected {
  const urgency = release.urgency?.replace(/\*+$/, "").trim();
  if (!urgency || urgency === "not yet assigned" || urgency === "end-of-life") return affected;
  affected.severity = urgency === "unimportant" ? "negligible" : urgency;
  return affected;
}
