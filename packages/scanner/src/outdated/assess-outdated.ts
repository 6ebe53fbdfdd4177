import type { ScanResult } from "../types.js";
import { DEFAULT_STALE_THRESHOLDS, imageAge } from "./age/image-age.js";
import { assessBehind } from "./behind/behind-distro.js";
import { distroCycle } from "./distro-cycle.js";
import { dayOf, judgeCycle } from "./eol/judge-cycle.js";
import { detectRuntimes } from "./runtime/detect-runtimes.js";
import type {
  DistroEol,
  EolData,
  FixedVersionsProvider,
  OutdatedReport,
  RuntimeEol,
  StaleThresholds,
} from "./types.js";

/** Options of {@link assessOutdated}. */
export interface AssessOutdatedOptions {
  /** The day to judge on; pass it explicitly so a report can be reproduced. */
  now: Date;
  /** End-of-life dates, from `loadEolData`. */
  eolData: EolData;
  /** Staleness thresholds; each missing one takes its default (90 and 180 days). */
  thresholds?: Partial<StaleThresholds>;
  /** Fixes the advisory data knows per package; without it the report has no `behind` part. */
  fixedVersions?: FixedVersionsProvider;
}

/**
 * Judges how outdated a scanned image or tree is: its distro release and every language runtime
 * found against their end-of-life dates, the image's age, and (given advisory data) how far its
 * OS packages lag behind known fixes. Pure: the same result, data and `now` give the same report.
 */
export function assessOutdated(result: ScanResult, options: AssessOutdatedOptions): OutdatedReport {
  const { now, eolData } = options;
  const thresholds = { ...DEFAULT_STALE_THRESHOLDS, ...options.thresholds };
  const distro = result.distro ? judgeDistro(result, eolData, now) : undefined;
  const runtimes = detectRuntimes(result.packages).map(
    (found): RuntimeEol => ({ ...judgeCycle(eolData, found.product, found.cycle, now), ...found }),
  );
  const behind = options.fixedVersions
    ? assessBehind(result.packages, options.fixedVersions)
    : undefined;
  return {
    assessedOn: dayOf(now),
    distro,
    runtimes,
    age: imageAge(result.image, now, thresholds),
    ...(behind ? { behind } : {}),
    pastSecuritySupport: [distro, ...runtimes].some((v) => v?.state === "eol"),
  };
}

function judgeDistro(result: ScanResult, data: EolData, now: Date): DistroEol | undefined {
  const distro = result.distro;
  if (!distro) return undefined;
  const cycle = distroCycle(distro);
  if (!cycle) {
    const release = distro.versionId
      ? `${distro.id} ${distro.versionId}`
      : `${distro.id} (no version)`;
    return { distro, state: "unknown", reason: `no end-of-life mapping for ${release}` };
  }
  return { distro, ...judgeCycle(data, cycle.product, cycle.cycle, now) };
}
