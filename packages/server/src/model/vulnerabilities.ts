/**
 * Advisory text per vulnerability, written when matching so the vulnerability page shows what
 * the data said when the finding was made, even after the advisory database moved on.
 */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { now } from "../ids.js";
import type { MatchedVulnerability } from "../sbom/types.js";

/** Inserts or refreshes the details of every matched vulnerability that carries them. */
export async function saveVulnerabilityDetails(
  trx: Transaction<Database>,
  matches: readonly MatchedVulnerability[],
): Promise<void> {
  const rows = new Map<string, Database["vulnerabilities"]>();
  for (const m of matches) if (m.details) rows.set(m.vulnerabilityId, toRow(m));
  for (const row of rows.values())
    await trx
      .insertInto("vulnerabilities")
      .values(row)
      .onConflict((oc) => oc.column("id").doUpdateSet({ ...row, id: undefined }))
      .execute();
}

function toRow(m: MatchedVulnerability): Database["vulnerabilities"] {
  const d = m.details as NonNullable<MatchedVulnerability["details"]>;
  return {
    id: m.vulnerabilityId,
    summary: d.summary ?? null,
    aliases: JSON.stringify(d.aliases),
    ratings: JSON.stringify(d.ratings),
    refs: JSON.stringify(d.references),
    sources: JSON.stringify(d.sources),
    updated_at: now(),
  };
}
