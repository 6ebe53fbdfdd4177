import type { Advisory, AdvisorySource, ConvertResult, SkippedRecord } from "../../types.js";
import { debianReleases } from "./codenames.js";
import { type TrackerRelease, toAffected } from "./release-state.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * The Debian security tracker's whole-data export
 * (https://security-tracker.debian.org/tracker/data/json): source package → CVE → release
 * codename → state. Names are source packages and versions source versions, so binary
 * packages match through `Source:`. Releases without a number (`sid`) are left out.
 */
export const debianTracker = {
  name: "debian-tracker",
  accepts: (doc) => isObject(doc) && looksLikeTracker(doc),
  convert: (doc, fileName): ConvertResult => {
    const byCve = new Map<string, Advisory>();
    const skipped: SkippedRecord[] = [];
    for (const [pkg, cves] of Object.entries(doc as Json)) {
      if (!isObject(cves)) {
        skipped.push({ path: `${fileName}#${pkg}`, reason: "package entry is not an object" });
        continue;
      }
      for (const [cve, entry] of Object.entries(cves)) addEntry(pkg, cve, entry, byCve, skipped);
    }
    return { advisories: [...byCve.values()].filter((a) => a.affected.length > 0), skipped };
  },
} satisfies AdvisorySource;

/** The first package's first CVE has a `releases` field: cheap, and no other format has it. */
function looksLikeTracker(doc: Json): boolean {
  for (const cves of Object.values(doc)) {
    if (!isObject(cves)) return false;
    for (const entry of Object.values(cves)) return isObject(entry) && "releases" in entry;
  }
  return false;
}

function addEntry(
  pkg: string,
  cve: string,
  entry: unknown,
  byCve: Map<string, Advisory>,
  skipped: SkippedRecord[],
) {
  if (!isObject(entry)) {
    skipped.push({ path: `${pkg}/${cve}`, reason: "CVE entry is not an object" });
    return;
  }
  // An entry with no release at all (`"releases": []`) says nothing about any release.
  if (!isObject(entry.releases)) return;
  const advisory = advisoryFor(cve, entry, byCve);
  for (const [codename, release] of Object.entries(entry.releases)) {
    const major = debianReleases[codename];
    if (!major || !isObject(release)) continue;
    const affected = toAffected(`Debian:${major}`, pkg, release as TrackerRelease);
    if (affected) advisory.affected.push(affected);
  }
}

function advisoryFor(cve: string, entry: Json, byCve: Map<string, Advisory>): Advisory {
  let advisory = byCve.get(cve);
  if (!advisory) {
    const description = typeof entry.description === "string" ? entry.description : undefined;
    advisory = {
      id: `DEBIAN-${cve}`,
      aliases: cve.startsWith("CVE-") ? [cve] : [],
      summary: description?.slice(0, 200),
      severity: [],
      references: [`https://security-tracker.debian.org/tracker/${cve}`],
      affected: [],
    };
    byCve.set(cve, advisory);
  }
  return advisory;
}
