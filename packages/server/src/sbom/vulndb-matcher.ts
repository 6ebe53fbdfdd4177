/**
 * Matches snapshots with the scanner's vulnerability database, kept in a directory the server
 * owns. `update()` downloads fresh data when online and, online or not, notices data imported
 * into the directory by `lading db import`, so either leads to a re-match.
 */
import {
  type Finding,
  matchPackages,
  openVulnDb,
  planRemediation,
  type SourceConfig,
  updateVulnDb,
  type VulnDb,
  VulnDbError,
} from "@lading/scanner";
import type { ServerLogger } from "../log.js";
import type { MatchedVulnerability, Matcher, Severity } from "./types.js";

/** Where the data lives and where it comes from (no sources: never download). */
export interface VulnDbMatcherOptions {
  dir: string;
  sources: readonly SourceConfig[];
  log: ServerLogger;
}

/** Builds the matcher; a missing database means no findings until data arrives. */
export function vulnDbMatcher(options: VulnDbMatcherOptions): Matcher {
  let db: VulnDb | undefined;
  let builtAt: string | undefined;
  const reopen = () => {
    db?.close();
    db = tryOpen(options);
    const previous = builtAt;
    builtAt = db?.status().builtAt;
    return builtAt !== previous;
  };
  reopen();
  return {
    async match(result) {
      if (!db) return [];
      return matchPackages(result, db).findings.map(toMatched);
    },
    async plan(result, keep) {
      if (!db) return undefined;
      const findings = matchPackages(result, db).findings;
      return planRemediation(
        result,
        findings.filter((f) => keep(f.package.purl, f.id)),
      );
    },
    async update() {
      if (options.sources.length > 0)
        await updateVulnDb(options.dir, options.sources, { logger: options.log });
      return reopen();
    },
    status() {
      const status = db?.status();
      if (!status) return undefined;
      const { builtAt, advisories, sources } = status;
      return { builtAt, advisories, sources: sources.map(({ location: _, ...s }) => s) };
    },
  };
}

function tryOpen(options: VulnDbMatcherOptions): VulnDb | undefined {
  try {
    return openVulnDb(options.dir);
  } catch (error) {
    if (!(error instanceof VulnDbError)) throw error;
    // An operator can act on this: until data is imported or downloaded, nothing is matched.
    options.log.warn({ dir: options.dir, reason: error.message }, "no vulnerability data");
    return undefined;
  }
}

function toMatched(finding: Finding): MatchedVulnerability {
  return {
    purl: finding.package.purl,
    vulnerabilityId: finding.id,
    // The server's scale stops at low; Debian's and Ubuntu's negligible sits below it.
    severity: (finding.severity === "negligible" ? "low" : finding.severity) as Severity,
    fixState: finding.fix.state,
    fixedIn: finding.fix.versions.length > 0 ? finding.fix.versions.join(", ") : undefined,
    details: {
      aliases: finding.ids.filter((id) => id !== finding.id),
      summary: finding.summary,
      ratings: finding.ratings,
      references: finding.references,
      sources: finding.sources,
    },
  };
}
