import type { Store } from "../db/store.js";

type Item = { purl: string; packageKey: string; name: string; version: string };

async function componentsOf(store: Store, snapshotId: string): Promise<Item[]> {
  return store.db
    .selectFrom("snapshot_components as sc")
    .innerJoin("components as c", "c.id", "sc.component_id")
    .select(["c.purl", "c.package_key as packageKey", "c.name", "c.version"])
    .where("sc.snapshot_id", "=", snapshotId)
    .execute();
}

async function findingsOf(store: Store, snapshotId: string) {
  return store.db
    .selectFrom("findings as f")
    .innerJoin("components as c", "c.id", "f.component_id")
    .select([
      "f.id",
      "f.vulnerability_id as vulnerabilityId",
      "f.severity",
      "c.purl",
      "c.package_key as packageKey",
    ])
    .where("f.snapshot_id", "=", snapshotId)
    .execute();
}

/**
 * What changed from one snapshot to another. A package whose version differs is "changed", not
 * removed and added; a finding counts as the same when package and vulnerability match, so a
 * version bump that leaves a vulnerability open neither fixes nor introduces it.
 */
export async function diffSnapshots(store: Store, fromId: string, toId: string) {
  const [a, b] = [await componentsOf(store, fromId), await componentsOf(store, toId)];
  const purlsA = new Set(a.map((c) => c.purl));
  const purlsB = new Set(b.map((c) => c.purl));
  const keysA = new Map(a.map((c) => [c.packageKey, c]));
  const keysB = new Set(b.map((c) => c.packageKey));
  const fresh = b.filter((c) => !purlsA.has(c.purl));
  const changed = fresh
    .filter((c) => keysA.has(c.packageKey))
    .map((c) => ({ ...c, fromVersion: keysA.get(c.packageKey)?.version }));
  const added = fresh.filter((c) => !keysA.has(c.packageKey));
  const removed = a.filter((c) => !purlsB.has(c.purl) && !keysB.has(c.packageKey));
  const [fa, fb] = [await findingsOf(store, fromId), await findingsOf(store, toId)];
  const key = (f: { packageKey: string; vulnerabilityId: string }) =>
    `${f.packageKey} ${f.vulnerabilityId}`;
  const ka = new Set(fa.map(key));
  const kb = new Set(fb.map(key));
  return {
    components: { added, removed, changed },
    findings: {
      introduced: fb.filter((f) => !ka.has(key(f))),
      fixed: fa.filter((f) => !kb.has(key(f))),
    },
  };
}
