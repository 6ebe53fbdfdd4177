/**
 * What agents report: the host and its facts, the containers there now, and which of them the
 * server wants rescanned. A container missing from a report is marked gone, not deleted, so its
 * history stays readable.
 */
import type { Transaction } from "kysely";
import type { Database } from "../db/schema.js";
import type { Store } from "../db/store.js";
import { ForbiddenError, InvalidRequestError, NotFoundError } from "../errors.js";
import { newId, now } from "../ids.js";
import { ensureProject, isWithin } from "./projects.js";

/** One heartbeat: who calls, how often it will, and every container it sees. */
export interface Heartbeat {
  host: string;
  facts: Record<string, string>;
  intervalSeconds: number;
  containers: { path: string; labels: Record<string, string> }[];
}

/** The answer: the agent's id and the project paths to scan again now. */
export interface HeartbeatAnswer {
  agentId: string;
  hostProjectId: string;
  rescan: string[];
}

/** Records a heartbeat in one transaction; `mayCreate` lets it add missing projects. */
export async function recordHeartbeat(store: Store, beat: Heartbeat, mayCreate: boolean) {
  for (const c of beat.containers)
    if (c.path === beat.host || !isWithin(c.path, beat.host))
      throw new InvalidRequestError(`container project ${c.path} is not below ${beat.host}`);
  return store.db.transaction().execute(async (trx): Promise<HeartbeatAnswer> => {
    const host = await ensureProject(trx, beat.host, "host", mayCreate);
    if (!host)
      throw mayCreate
        ? new NotFoundError("project")
        : new ForbiddenError("may not create projects");
    const agentId = await upsertAgent(trx, host.id, beat);
    const seen = await recordContainers(trx, agentId, beat.containers, mayCreate);
    await markGone(trx, agentId, seen);
    return { agentId, hostProjectId: host.id, rescan: await pendingRescans(trx, agentId) };
  });
}

async function upsertAgent(trx: Transaction<Database>, projectId: string, beat: Heartbeat) {
  const at = now();
  const facts = JSON.stringify(beat.facts);
  const found = await trx
    .selectFrom("agents")
    .select("id")
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  const values = { facts, interval_seconds: beat.intervalSeconds, last_seen_at: at };
  if (found) {
    await trx.updateTable("agents").set(values).where("id", "=", found.id).execute();
    return found.id;
  }
  const id = newId();
  await trx
    .insertInto("agents")
    .values({ id, project_id: projectId, first_seen_at: at, ...values })
    .execute();
  return id;
}

async function recordContainers(
  trx: Transaction<Database>,
  agentId: string,
  containers: Heartbeat["containers"],
  mayCreate: boolean,
): Promise<string[]> {
  const ids: string[] = [];
  for (const c of containers) {
    const project = await ensureProject(trx, c.path, "container", mayCreate);
    if (!project) throw new ForbiddenError("may not create projects");
    await upsertWatched(trx, agentId, project.id, JSON.stringify(c.labels));
    ids.push(project.id);
  }
  return ids;
}

async function upsertWatched(
  trx: Transaction<Database>,
  agentId: string,
  projectId: string,
  labels: string,
) {
  const values = { agent_id: agentId, labels, seen_at: now(), gone_at: null };
  const updated = await trx
    .updateTable("watched_projects")
    .set(values)
    .where("project_id", "=", projectId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await trx
    .insertInto("watched_projects")
    .values({ project_id: projectId, rescan_requested_at: null, ...values })
    .execute();
}

async function markGone(trx: Transaction<Database>, agentId: string, seen: string[]) {
  let query = trx
    .updateTable("watched_projects")
    .set({ gone_at: now() })
    .where("agent_id", "=", agentId)
    .where("gone_at", "is", null);
  if (seen.length > 0) query = query.where("project_id", "not in", seen);
  await query.execute();
}

/**
 * Paths with a rescan asked for and no snapshot since; a request a newer snapshot answered is
 * cleared here, so an agent that crashed mid-rescan is asked again on its next call.
 */
async function pendingRescans(trx: Transaction<Database>, agentId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom("watched_projects as w")
    .innerJoin("projects as p", "p.id", "w.project_id")
    .select(["w.project_id", "p.path", "w.rescan_requested_at"])
    .select((eb) =>
      eb
        .selectFrom("snapshots as s")
        .select((e) => e.fn.max("s.created_at").as("latest"))
        .whereRef("s.project_id", "=", "w.project_id")
        .as("latest"),
    )
    .where("w.agent_id", "=", agentId)
    .where("w.rescan_requested_at", "is not", null)
    .where("w.gone_at", "is", null)
    .execute();
  const answered = rows.filter((r) => r.latest && r.latest >= (r.rescan_requested_at as string));
  if (answered.length > 0)
    await trx
      .updateTable("watched_projects")
      .set({ rescan_requested_at: null })
      .where(
        "project_id",
        "in",
        answered.map((r) => r.project_id),
      )
      .execute();
  return rows.filter((r) => !answered.includes(r)).map((r) => r.path);
}

/** Asks for a rescan of every watched project at or below `path`; returns how many. */
export async function requestRescan(store: Store, path: string): Promise<number> {
  // Filtered here rather than in SQL: project names may hold `_` and `%`, which LIKE would read.
  const rows = await store.db
    .selectFrom("watched_projects as w")
    .innerJoin("projects as p", "p.id", "w.project_id")
    .select(["w.project_id", "p.path"])
    .where("w.gone_at", "is", null)
    .execute();
  const ids = rows.filter((r) => isWithin(r.path, path)).map((r) => r.project_id);
  if (ids.length === 0) return 0;
  await store.db
    .updateTable("watched_projects")
    .set({ rescan_requested_at: now() })
    .where("project_id", "in", ids)
    .execute();
  return ids.length;
}
