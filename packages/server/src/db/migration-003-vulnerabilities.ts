import type { Kysely, Migration } from "kysely";

/** Advisory text per vulnerability id, so the vulnerability page needs no advisory database. */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("vulnerabilities")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("summary", "text")
    .addColumn("aliases", "text", (c) => c.notNull())
    .addColumn("ratings", "text", (c) => c.notNull())
    .addColumn("refs", "text", (c) => c.notNull())
    .addColumn("sources", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
}

export const vulnerabilities: Migration = { up };
