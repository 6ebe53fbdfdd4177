import cvss from "ae-cvss-calculator";
import type { StoredAdvisory } from "../vulndb/store/vuln-db.js";
import type { Affected } from "../vulndb/types.js";
import type { Rating, Severity } from "./types.js";

const BANDS: [number, Severity][] = [
  [9, "critical"],
  [7, "high"],
  [4, "medium"],
  [0.1, "low"],
];

/** CVSS v3/v4 qualitative bands (FIRST CVSS v3.1 §5); v2 scores are banded the same way. */
export function bandOf(score: number): Severity {
  return BANDS.find(([min]) => score >= min)?.[1] ?? "negligible";
}

const V2 = /^(?:\(?AV:[LAN]\/AC:[HML]\/Au:[MSN]\/C:[NPC]\/I:[NPC]\/A:[NPC])/;
const V3 = /^CVSS:3\.[01]\/(?=.*AV:)(?=.*AC:)(?=.*PR:)(?=.*UI:)(?=.*S:)(?=.*C:)(?=.*I:)(?=.*A:)/;
const V4 =
  /^CVSS:4\.0\/(?=.*AV:)(?=.*AC:)(?=.*AT:)(?=.*PR:)(?=.*UI:)(?=.*VC:)(?=.*VI:)(?=.*VA:)(?=.*SC:)(?=.*SI:)(?=.*SA:)/;

/**
 * The base score of a CVSS vector, computed with ae-cvss-calculator; undefined for a vector
 * that is not a complete v2, v3.x or v4.0 base vector. Incomplete vectors are refused before
 * the calculator sees them, because it scores them as if the missing metrics were absent.
 */
export function cvssBaseScore(vector: string): number | undefined {
  if (!scores.has(vector)) scores.set(vector, computeBaseScore(vector));
  return scores.get(vector);
}

// Vectors repeat across thousands of records and the v4.0 computation is costly: each is scored once.
const scores = new Map<string, number | undefined>();

function computeBaseScore(vector: string): number | undefined {
  try {
    if (V4.test(vector)) return new cvss.Cvss4P0(vector).calculateScores().base;
    if (vector.startsWith("CVSS:3.0/") && V3.test(vector))
      return new cvss.Cvss3P0(vector).calculateScores().base;
    if (V3.test(vector)) return new cvss.Cvss3P1(vector).calculateScores().base;
    if (V2.test(vector)) return new cvss.Cvss2(vector).calculateScores().base;
  } catch {
    // An unknown metric value: the vector is unusable, as if absent.
  }
  return undefined;
}

const WORDS: Record<string, Severity> = {
  critical: "critical",
  high: "high",
  important: "high",
  moderate: "medium",
  medium: "medium",
  low: "low",
  negligible: "negligible",
  unimportant: "negligible",
};

/** A vendor's word as a severity (`MODERATE` → medium, Debian `unimportant` → negligible). */
export function wordSeverity(word: string): Severity {
  return WORDS[word.toLowerCase()] ?? "unknown";
}

/** Every rating an advisory and its affected entry carry. */
export function ratingsOf(advisory: StoredAdvisory, affected: Affected, vendor: string): Rating[] {
  const ratings: Rating[] = [];
  if (affected.severity)
    ratings.push({
      source: advisory.id,
      method: vendor,
      severity: wordSeverity(affected.severity),
    });
  for (const s of advisory.severity) {
    if (s.type.startsWith("CVSS_")) {
      const score = cvssBaseScore(s.score);
      if (score !== undefined)
        ratings.push({
          source: advisory.id,
          method: s.type,
          score,
          vector: s.score,
          severity: bandOf(score),
        });
    } else ratings.push({ source: advisory.id, method: s.type, severity: wordSeverity(s.score) });
  }
  return ratings;
}

const VENDOR_METHODS = new Set(["Debian", "Ubuntu", "Alpine"]);

/**
 * The severity shown: for distro packages the vendor's own rating first (it knows how the
 * distro builds the package); otherwise, and when the vendor gave none, the highest CVSS base
 * score; then GHSA's word; else unknown.
 */
export function chooseSeverity(ratings: Rating[], isDistro: boolean): Severity {
  if (isDistro) {
    const vendor = ratings.find((r) => VENDOR_METHODS.has(r.method) && r.severity !== "unknown");
    if (vendor) return vendor.severity;
  }
  const scored = ratings.filter((r) => r.score !== undefined);
  if (scored.length > 0) return bandOf(Math.max(...scored.map((r) => r.score as number)));
  return ratings.find((r) => r.severity !== "unknown")?.severity ?? "unknown";
}
