import type { Kysely, Migration } from "kysely";

// Same column conventions as the first migration; see schema.ts.
const text = "text";
const int = "integer";

/**
 * Agents and what they watch: an agent is a host project plus the facts and heartbeat its
 * agent reports; each container project it reports carries its labels, when it was last seen,
 * when it went away, and a pending rescan request.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("agents")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("project_id", text, (c) => c.notNull().unique().references("projects.id"))
    .addColumn("facts", text, (c) => c.notNull())
    .addColumn("interval_seconds", int, (c) => c.notNull())
    .addColumn("first_seen_at", text, (c) => c.notNull())
    .addColumn("last_seen_at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("watched_projects")
    .addColumn("project_id", text, (c) => c.primaryKey().references("projects.id"))
    .addColumn("agent_id", text, (c) => c.notNull().references("agents.id").onDelete("cascade"))
    .addColumn("labels", text, (c) => c.notNull())
    .addColumn("seen_at", text, (c) => c.notNull())
    .addColumn("gone_at", text)
    .addColumn("rescan_requested_at", text)
    .execute();
}

export const agents = { up } satisfies Migration;
