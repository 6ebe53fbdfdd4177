import type { Advisory, AdvisorySource, ConvertResult, SkippedRecord } from "../../types.js";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Alpine's secdb (https://secdb.alpinelinux.org/, `v3.x/main.json`, `community.json`, or the
 * same in YAML): per branch, per origin package, `secfixes` maps the first fixed `pkgver-rN`
 * to the CVEs it fixed. Names are apk origins (source packages), so binary packages match
 * through their origin. A fixed version of `0` means the package was never affected and is
 * dropped. The secdb lists fixes only: nothing here is ever "not fixed".
 */
export const alpineSecdb = {
  name: "alpine-secdb",
  accepts: (doc) =>
    isObject(doc) && typeof doc.distroversion === "string" && Array.isArray(doc.packages),
  convert: (doc, fileName): ConvertResult => {
    const db = doc as Json;
    const ecosystem = `Alpine:${db.distroversion}`;
    const byCve = new Map<string, Advisory>();
    const skipped: SkippedRecord[] = [];
    for (const entry of db.packages as unknown[]) {
      const pkg = isObject(entry) && isObject(entry.pkg) ? entry.pkg : undefined;
      if (!pkg || typeof pkg.name !== "string" || !isObject(pkg.secfixes)) {
        skipped.push({ path: fileName, reason: "package entry without name or secfixes" });
        continue;
      }
      addFixes(pkg.name, pkg.secfixes, ecosystem, byCve);
    }
    return { advisories: [...byCve.values()], skipped };
  },
} satisfies AdvisorySource;

function addFixes(name: string, secfixes: Json, ecosystem: string, byCve: Map<string, Advisory>) {
  for (const [fixed, ids] of Object.entries(secfixes)) {
    if (fixed === "0" || !Array.isArray(ids)) continue;
    for (const raw of ids) {
      // Entries may carry a note after the id ("CVE-2019-1234 (something)"); the id is the first word.
      const id = typeof raw === "string" ? raw.trim().split(/\s+/)[0] : undefined;
      if (!id) continue;
      const advisory = advisoryFor(id, ecosystem, byCve);
      advisory.affected.push({
        ecosystem,
        name,
        ranges: [{ type: "ECOSYSTEM", events: [{ introduced: "0" }, { fixed }] }],
      });
    }
  }
}

/** One advisory per CVE and branch, named as osv.dev names Alpine's (`ALPINE-CVE-...`). */
function advisoryFor(id: string, ecosystem: string, byCve: Map<string, Advisory>): Advisory {
  let advisory = byCve.get(id);
  if (!advisory) {
    advisory = {
      id: `ALPINE-${id}`,
      key: `ALPINE-${id}@${ecosystem}`,
      aliases: [id],
      severity: [],
      references: [`https://security.alpinelinux.org/vuln/${id}`],
      affected: [],
      summary: `${id} (${ecosystem})`,
    };
    byCve.set(id, advisory);
  }
  return advisory;
}
