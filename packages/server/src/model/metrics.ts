import { sql } from "kysely";
import type { Store } from "../db/store.js";
import { toCount } from "../db/store.js";
import { newId, now } from "../ids.js";

/**
 * Records a point of the project's counts (from its latest ready snapshot) and of the whole
 * portfolio's (the sum over every project's latest ready snapshot).
 */
export async function recordMetrics(store: Store, projectId: string): Promise<void> {
  const at = now();
  const project = await countFor(store, projectId);
  const portfolio = await countFor(store, null);
  await store.db
    .insertInto("metrics")
    .values([
      { id: newId(), project_id: projectId, at, ...project },
      { id: newId(), project_id: null, at, ...portfolio },
    ])
    .execute();
}

async function countFor(store: Store, projectId: string | null) {
  const latest = latestReadySnapshots(store, projectId);
  const severities = await store.db
    .selectFrom("findings")
    .select(["severity", (eb) => eb.fn.countAll().as("n")])
    .where("snapshot_id", "in", latest)
    .groupBy("severity")
    .execute();
  const components = await store.db
    .selectFrom("snapshots")
    .select((eb) => eb.fn.sum("component_count").as("n"))
    .where("id", "in", latest)
    .executeTakeFirst();
  const by = (s: string) => toCount(severities.find((r) => r.severity === s)?.n);
  return {
    critical: by("critical"),
    high: by("high"),
    medium: by("medium"),
    low: by("low"),
    unknown: by("unknown"),
    components: toCount(components?.n),
  };
}

/** A subquery of the latest ready snapshot id of one project, or of every project. */
export function latestReadySnapshots(store: Store, projectId: string | null) {
  let query = store.db
    .selectFrom("snapshots as s")
    .select("s.id")
    .where("s.state", "=", "ready")
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("snapshots as t")
            .select(sql`1`.as("one"))
            .whereRef("t.project_id", "=", "s.project_id")
            .where("t.state", "=", "ready")
            .whereRef("t.created_at", ">", "s.created_at"),
        ),
      ),
    );
  if (projectId) query = query.where("s.project_id", "=", projectId);
  return query;
}
