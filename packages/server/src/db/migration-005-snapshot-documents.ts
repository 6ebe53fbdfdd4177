import { type Kysely, type Migration, sql } from "kysely";

/**
 * Moves each snapshot's SBOM text out of `snapshots` into `snapshot_documents`, and indexes what
 * "each project's latest ready snapshot" asks for.
 *
 * Inline, the text (hundreds of KiB) sat in every `snapshots` row: on SQLite a query reading a
 * column stored after it (`created_at`, `component_count`, ...) followed each row's overflow
 * pages through the whole document, so listing snapshots or findings walked every SBOM stored.
 * The documents are read only to download one SBOM, by snapshot id.
 */
async function up(db: Kysely<unknown>): Promise<void> {
  // PostgreSQL runs each migration in a transaction; SQLite's does not, so one is opened here:
  // a crash half-way leaves the old layout whole and the migration to run again.
  if (db.isTransaction) await moveDocuments(db);
  else await db.transaction().execute(moveDocuments);
}

async function moveDocuments(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("snapshot_documents")
    .addColumn("snapshot_id", "text", (c) =>
      c.primaryKey().references("snapshots.id").onDelete("cascade"),
    )
    .addColumn("document", "text", (c) => c.notNull())
    .execute();
  await sql`insert into snapshot_documents (snapshot_id, document) select id, sbom from snapshots`.execute(
    db,
  );
  await db.schema.alterTable("snapshots").dropColumn("sbom").execute();
  // Covers the latest-ready-snapshot subquery (findings, exposure, inventory, metrics) and the
  // previous-snapshot lookup of the match job without reading the table.
  await db.schema
    .createIndex("snapshots_state_project")
    .on("snapshots")
    .columns(["state", "project_id", "created_at"])
    .execute();
}

export const snapshotDocuments = { up } satisfies Migration;
