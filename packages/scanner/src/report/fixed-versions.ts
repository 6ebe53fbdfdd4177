import { lookupFor } from "../match/ecosystem.js";
import type { AdvisoryIndex } from "../match/match.js";
import type { FixedVersionsProvider, KnownFix } from "../outdated/types.js";
import type { Distro } from "../types.js";

const OS_TYPES = new Set(["deb", "apk", "rpm"]);

/**
 * The fixes a vulnerability database knows for an installed OS package, for the outdated
 * report's "behind the distro" part: every `fixed` event of every record on the package's
 * source name in the distro release, with the ids each fix closes.
 */
export function fixedVersionsFromDb(
  db: AdvisoryIndex,
  distro: Distro | undefined,
): FixedVersionsProvider {
  return (pkg) => {
    if (!OS_TYPES.has(pkg.type)) return [];
    const outcome = lookupFor(pkg, distro);
    if ("skip" in outcome) return [];
    const fixes = new Map<string, Set<string>>();
    for (const ecosystem of outcome.lookup.ecosystems)
      for (const { advisory, affected } of db.lookup(ecosystem, outcome.lookup.name))
        for (const event of affected.ranges.flatMap((r) => r.events))
          if (event.fixed) addFix(fixes, event.fixed, [advisory.id, ...advisory.aliases]);
    return [...fixes].map(([version, ids]): KnownFix => ({ version, advisories: [...ids].sort() }));
  };
}

function addFix(fixes: Map<string, Set<string>>, version: string, ids: string[]): void {
  const known = fixes.get(version) ?? new Set<string>();
  for (const id of ids) known.add(id);
  fixes.set(version, known);
}
