import type { Package, ScanResult } from "../types.js";
import type { AffectedMatch, VulnDb } from "../vulndb/store/vuln-db.js";
import { evaluate } from "./affected-range.js";
import { type Lookup, lookupFor } from "./ecosystem.js";
import { mergeFindings } from "./merge.js";
import { chooseSeverity, ratingsOf } from "./severity.js";
import type { Finding, FixState, MatchResult, SkippedPackage } from "./types.js";

/** The package lookups the matcher needs; {@link VulnDb} is one. */
export type AdvisoryIndex = Pick<VulnDb, "lookup">;

/**
 * Finds the known vulnerabilities of every package in a scan result. Each package is looked
 * up by (ecosystem, name) as {@link lookupFor} decides, its version checked against each
 * record's ranges with the ecosystem's version scheme, and records that alias each other
 * merged into one finding. Packages that cannot be checked are listed in `skipped` with the
 * reason; none is guessed.
 */
export function matchPackages(
  result: Pick<ScanResult, "packages" | "distro">,
  db: AdvisoryIndex,
): MatchResult {
  const findings: Finding[] = [];
  const skipped: SkippedPackage[] = [];
  let checked = 0;
  for (const pkg of result.packages) {
    const outcome = lookupFor(pkg, result.distro);
    if ("skip" in outcome) {
      skipped.push({ package: pkg, reason: outcome.skip });
      continue;
    }
    checked++;
    findings.push(...matchPackage(pkg, outcome.lookup, db));
  }
  return { findings, skipped, checked };
}

function matchPackage(pkg: Package, lookup: Lookup, db: AdvisoryIndex): Finding[] {
  const found: Finding[] = [];
  for (const ecosystem of lookup.ecosystems)
    for (const match of db.lookup(ecosystem, lookup.name)) {
      const finding = toFinding(pkg, lookup, match);
      if (finding) found.push(finding);
    }
  // Merged findings carry every record's ratings, so the severity is chosen again over all.
  const isDistro = ["deb", "apk", "rpm"].includes(pkg.type);
  return mergeFindings(found).map((f) => ({ ...f, severity: chooseSeverity(f.ratings, isDistro) }));
}

function toFinding(pkg: Package, lookup: Lookup, match: AffectedMatch): Finding | undefined {
  const verdict = evaluate(match.affected, lookup.version, lookup.scheme);
  if (!verdict.affected) return undefined;
  const { advisory, affected } = match;
  const isDistro = ["deb", "apk", "rpm"].includes(pkg.type);
  const vendor = affected.ecosystem.split(":")[0] ?? "";
  const ratings = ratingsOf(advisory, affected, vendor);
  return {
    id: advisory.id,
    ids: [advisory.id, ...advisory.aliases].sort(),
    package: pkg,
    matchedAs: { ecosystem: affected.ecosystem, name: lookup.name, version: lookup.version },
    fix: fixState(verdict.fixedIn, affected),
    severity: chooseSeverity(ratings, isDistro),
    ratings,
    summary: advisory.summary,
    references: advisory.references,
    sources: [match.source],
  };
}

function fixState(fixedIn: string[], affected: AffectedMatch["affected"]): FixState {
  if (fixedIn.length > 0) return { state: "fixed", versions: [...new Set(fixedIn)] };
  const state: FixState = {
    state: affected.state === "wont-fix" ? "wont-fix" : "not-fixed",
    versions: [],
  };
  if (affected.note) state.note = affected.note;
  return state;
}
