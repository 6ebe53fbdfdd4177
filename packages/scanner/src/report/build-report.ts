import { type AdvisoryIndex, matchPackages } from "../match/match.js";
import { assessOutdated } from "../outdated/assess-outdated.js";
import type { EolData, StaleThresholds } from "../outdated/types.js";
import { applyPolicy } from "../policy/apply-policy.js";
import { compareFindings } from "../policy/severity.js";
import type { Policy, PolicySubject } from "../policy/types.js";
import type { ScanResult } from "../types.js";
import { fixedVersionsFromDb } from "./fixed-versions.js";
import type { ReportDatabase, VulnReport } from "./types.js";

/** Options of {@link buildVulnReport}. */
export interface BuildReportOptions {
  db: AdvisoryIndex;
  /** Ignore rules, VEX and `onlyFixed`; `now` also dates the outdated report. */
  policy: Omit<Policy, "subject">;
  /** End-of-life dates; without them the report has no outdated part. */
  eolData?: EolData;
  staleThresholds?: Partial<StaleThresholds>;
  database?: ReportDatabase;
}

/**
 * Matches a scan result against the vulnerability database, filters the findings by the policy,
 * and judges how outdated the image is: the whole of what `lading scan` reports.
 */
export function buildVulnReport(result: ScanResult, options: BuildReportOptions): VulnReport {
  const matched = matchPackages(result, options.db);
  const policy = { ...options.policy, subject: subjectOf(result) };
  const outcome = applyPolicy(matched.findings, policy);
  const warnings = [...outcome.warnings];
  const report: VulnReport = {
    result,
    findings: outcome.findings.sort(compareFindings),
    suppressed: outcome.suppressed.sort((a, b) => compareFindings(a.finding, b.finding)),
    skipped: matched.skipped,
    checked: matched.checked,
    warnings,
    ...(options.database ? { database: options.database } : {}),
  };
  if (options.eolData) {
    for (const s of options.eolData.skipped) warnings.push(`end-of-life data: ${s.reason}`);
    report.outdated = assessOutdated(result, {
      now: options.policy.now,
      eolData: options.eolData,
      thresholds: options.staleThresholds,
      fixedVersions: fixedVersionsFromDb(options.db, result.distro),
    });
  }
  return report;
}

/** What a VEX statement may call the image: its digests and its tags. */
function subjectOf(result: ScanResult): PolicySubject {
  const image = result.image;
  const digests = [image?.configDigest, image?.manifestDigest, ...(image?.repoDigests ?? [])];
  return {
    digests: digests.filter((d): d is string => Boolean(d)),
    names: [...(image?.repoTags ?? []), result.source.target],
  };
}
