import type { Package } from "@lading/scanner";
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import { newId } from "../ids.js";

// Well below SQLite's bound-parameter limit with six columns per row.
const chunkSize = 400;

/** The purl without version, qualifiers or subpath: one package across all its versions. */
export function packageKey(purl: string): string {
  const bare = purl.split("#")[0].split("?")[0];
  const at = bare.lastIndexOf("@");
  return at > bare.indexOf("/") ? bare.slice(0, at) : bare;
}

/** Stores each distinct purl once across all projects; returns purl → component id. */
export async function upsertComponents(
  trx: Transaction<Database>,
  packages: readonly Package[],
): Promise<Map<string, string>> {
  const unique = [...new Map(packages.map((p) => [p.purl, p])).values()];
  const ids = new Map<string, string>();
  for (let i = 0; i < unique.length; i += chunkSize) {
    const chunk = unique.slice(i, i + chunkSize);
    await selectIds(trx, chunk, ids);
    // Most components of a new snapshot are already stored (the same packages recur across
    // images and versions of one image), so only the missing ones are inserted; a concurrent
    // upload may insert one first, hence the conflict clause and the second look-up.
    const missing = chunk.filter((p) => !ids.has(p.purl));
    if (missing.length === 0) continue;
    await trx
      .insertInto("components")
      .values(missing.map((p) => toRow(p)))
      .onConflict((oc) => oc.column("purl").doNothing())
      .execute();
    await selectIds(trx, missing, ids);
  }
  return ids;
}

async function selectIds(
  trx: Transaction<Database>,
  packages: readonly Package[],
  ids: Map<string, string>,
): Promise<void> {
  const purls = packages.map((p) => p.purl);
  const rows = await trx
    .selectFrom("components")
    .select(["id", "purl"])
    .where("purl", "in", purls)
    .execute();
  for (const r of rows) ids.set(r.purl, r.id);
}

function toRow(p: Package) {
  const key = packageKey(p.purl);
  return {
    id: newId(),
    package_key: key,
    purl: p.purl,
    type: p.type,
    name: p.name,
    version: p.version,
  };
}

/** Links a snapshot to its components, with the layer and paths each was found at. */
export async function linkComponents(
  trx: Transaction<Database>,
  snapshotId: string,
  packages: readonly Package[],
  ids: Map<string, string>,
): Promise<number> {
  const rows = new Map<string, Database["snapshot_components"]>();
  for (const p of packages) {
    const componentId = ids.get(p.purl) as string;
    if (rows.has(componentId)) continue;
    const locations = JSON.stringify(p.locations.map((l) => l.path));
    rows.set(componentId, {
      snapshot_id: snapshotId,
      component_id: componentId,
      layer: p.layer ?? null,
      locations,
    });
  }
  const list = [...rows.values()];
  for (let i = 0; i < list.length; i += chunkSize)
    await trx
      .insertInto("snapshot_components")
      .values(list.slice(i, i + chunkSize))
      .execute();
  return list.length;
}
