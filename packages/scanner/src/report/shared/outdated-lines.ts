import type { EolVerdict, ImageAge, OutdatedReport } from "../../outdated/types.js";

/**
 * The outdated report as short lines for people (the table's "Outdated" section, SARIF's
 * message): the distro and each runtime with the date that decided its state, the image's
 * age, and how many packages are behind known fixes.
 */
export function outdatedLines(report: OutdatedReport): string[] {
  const lines: string[] = [];
  if (report.distro) {
    const { distro } = report.distro;
    const release = [distro.id, distro.versionId].filter(Boolean).join(" ");
    lines.push(`distro   ${release}: ${verdictText(report.distro)}`);
  }
  for (const runtime of report.runtimes) {
    const how = runtime.declared ? "declared" : "found";
    lines.push(`runtime  ${runtime.product} ${runtime.version} (${how}): ${verdictText(runtime)}`);
  }
  lines.push(...ageLines(report.age));
  if (report.behind && report.behind.checked > 0) lines.push(behindLine(report.behind));
  return lines;
}

/** One verdict in words, with the date that decided it. */
export function verdictText(verdict: EolVerdict): string {
  const date = verdict.decidedBy?.date;
  switch (verdict.state) {
    case "eol":
      return `end of life: security support ended${date ? ` on ${date}` : ""}${paid(verdict)}`;
    case "security-only":
      return `security fixes only${date ? ` since ${date}` : ""}${until(verdict.securityEnd)}`;
    case "supported":
      return `supported${until(verdict.supportEnd ?? verdict.securityEnd)}`;
    default:
      return `unknown (${verdict.reason ?? "no end-of-life data"})`;
  }
}

function until(date: string | boolean | undefined): string {
  return typeof date === "string" ? ` until ${date}` : "";
}

function paid(verdict: EolVerdict): string {
  const end = verdict.paidSupportEnd;
  return typeof end === "string" && end > (verdict.decidedBy?.date ?? "")
    ? `; paid support until ${end}`
    : "";
}

function ageLines(age: ImageAge): string[] {
  const lines: string[] = [];
  if (age.image) {
    const stale = age.image.stale ? `, stale past ${age.image.thresholdDays}` : "";
    lines.push(
      `image    built ${age.image.since.slice(0, 10)}, ${age.image.days} days ago${stale}`,
    );
  }
  if (age.newestLayer?.stale)
    lines.push(
      `layers   newest layer ${age.newestLayer.days} days old, stale past ${age.newestLayer.thresholdDays}`,
    );
  return lines;
}

function behindLine(behind: NonNullable<OutdatedReport["behind"]>): string {
  if (behind.behind.length === 0)
    return `behind   no OS package behind a known fix (${behind.checked} checked)`;
  const missed = behind.behind.reduce((n, b) => n + b.missedFixes, 0);
  return `behind   ${behind.behind.length} of ${behind.checked} OS packages miss ${missed} known fix${missed === 1 ? "" : "es"}`;
}
