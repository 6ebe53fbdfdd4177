import type { Finding } from "./types.js";

/** CVE first, then GHSA, then the rest: the id most tools and people search by. */
function preference(id: string): number {
  if (id.startsWith("CVE-")) return 0;
  if (id.startsWith("GHSA-")) return 1;
  return 2;
}

/** The id a merged finding is shown under. */
export function preferredId(ids: string[]): string {
  return [...ids].sort((a, b) => preference(a) - preference(b) || a.localeCompare(b))[0] ?? "";
}

/**
 * Merges the findings of one package whose ids overlap (a GHSA aliasing a CVE that a DSA
 * also names) into one, with every id, rating, reference and source. Connected through any
 * shared id, so A~B and B~C make one finding.
 */
export function mergeFindings(findings: Finding[]): Finding[] {
  const groups: Finding[] = [];
  for (const finding of findings) {
    const overlapping = groups.filter((g) => g.ids.some((id) => finding.ids.includes(id)));
    const merged = overlapping.reduce(combine, finding);
    for (const g of overlapping) groups.splice(groups.indexOf(g), 1);
    groups.push(merged);
  }
  return groups.map((g) => ({ ...g, id: preferredId(g.ids) }));
}

const union = <T>(a: T[], b: T[]) => [...new Set([...a, ...b])];

function combine(a: Finding, b: Finding): Finding {
  return {
    ...a,
    ids: union(a.ids, b.ids).sort(),
    fix: combineFix(a.fix, b.fix),
    ratings: [...a.ratings, ...b.ratings],
    summary: a.summary ?? b.summary,
    references: union(a.references, b.references),
    sources: union(a.sources, b.sources).sort(),
  };
}

/** A fix any record names wins; else the vendor's won't-fix; else not fixed. */
function combineFix(a: Finding["fix"], b: Finding["fix"]): Finding["fix"] {
  if (a.state === "fixed" || b.state === "fixed") {
    const versions = union(
      a.state === "fixed" ? a.versions : [],
      b.state === "fixed" ? b.versions : [],
    );
    return { state: "fixed", versions };
  }
  if (a.state === "wont-fix") return a;
  if (b.state === "wont-fix") return b;
  return a.note ? a : b;
}
