/**
 * How outdated a snapshot is: its distro release and language runtimes against their
 * end-of-life dates, and its image's age, judged by the scanner's `assessOutdated` each time
 * the snapshot is matched, so a re-match after the dates move judges it again.
 */
import { stat } from "node:fs/promises";
import {
  assessOutdated,
  type EolData,
  loadEolData,
  type OutdatedReport,
  refreshedEolDir,
  type ScanResult,
  type SupportState,
} from "@lading/scanner";

/** Gives the end-of-life dates to judge with. */
export type EolSource = () => Promise<EolData>;

/**
 * The dates shipped with Lading, replaced by those `lading db update` refreshed into the
 * vulnerability database dir. They are read again only when that dir changed: the refresh
 * writes each file by rename, which moves the dir's modification time.
 */
export function eolDataSource(vulnDbDir: string): EolSource {
  const dir = refreshedEolDir(vulnDbDir);
  let cached: { version: string; data: Promise<EolData> } | undefined;
  return async () => {
    const version = await stat(dir).then(
      (s) => String(s.mtimeMs),
      () => "absent",
    );
    if (cached?.version !== version) cached = { version, data: loadEolData({ refreshedDir: dir }) };
    return cached.data;
  };
}

/** The snapshot columns that hold the report on `result`, judged on `now`. */
export function outdatedColumns(result: ScanResult, eolData: EolData, now: Date) {
  const report = assessOutdated(withBuildTime(result), { now, eolData });
  const securityEnd = report.distro?.securityEnd;
  return {
    outdated: JSON.stringify(report),
    eol_state: overallState(report),
    distro_eol: typeof securityEnd === "string" ? securityEnd : null,
    image_created: utcTime(report.age.image?.since),
  };
}

/** The time as the database holds times (ISO-8601 UTC), so that text order is time order. */
function utcTime(time: string | undefined): string | null {
  const ms = time === undefined ? Number.NaN : Date.parse(time);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const OCI_CREATED = "org.opencontainers.image.created";

/**
 * SBOMs carry no image config, so `image.created` is usually missing after reading one; the
 * OCI annotation label, when the image has it, tells the same build time.
 */
function withBuildTime(result: ScanResult): ScanResult {
  const image = result.image;
  const label = image?.labels[OCI_CREATED];
  if (!image || image.created || !label) return result;
  return { ...result, image: { ...image, created: label } };
}

const worstFirst: SupportState[] = ["eol", "unknown", "security-only", "supported"];

/**
 * One state for the image: `eol` when the distro or any runtime is past security support;
 * otherwise the distro's state, as the part of the image a rebuild most often updates; without
 * a distro, the worst runtime's; null when there was nothing to judge.
 */
function overallState(report: OutdatedReport): SupportState | null {
  if (report.pastSecuritySupport) return "eol";
  if (report.distro) return report.distro.state;
  const states = report.runtimes.map((r) => r.state);
  return worstFirst.find((s) => states.includes(s)) ?? null;
}
