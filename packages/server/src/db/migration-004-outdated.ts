import type { Kysely, Migration } from "kysely";

/**
 * How outdated each snapshot is, judged when it is matched: the whole report as JSON, plus the
 * fields the dashboard counts and sorts by (the end-of-life state, the distro's end of security
 * support, the image's build time), indexed so counting EOL images needs no JSON parsing.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("snapshots").addColumn("outdated", "text").execute();
  await db.schema.alterTable("snapshots").addColumn("eol_state", "text").execute();
  await db.schema.alterTable("snapshots").addColumn("distro_eol", "text").execute();
  await db.schema.alterTable("snapshots").addColumn("image_created", "text").execute();
  await db.schema
    .createIndex("snapshots_eol_state")
    .on("snapshots")
    .columns(["eol_state", "image_created"])
    .execute();
}

export const outdated = { up } satisfies Migration;
