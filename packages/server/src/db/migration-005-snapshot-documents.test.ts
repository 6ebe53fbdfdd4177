import { readFileSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixturePath, tempDir } from "../test-harness/fixtures.js";
import { backends, startPostgres, type TestPostgres } from "../test-harness/postgres.js";
import { initial } from "./migration-001-initial.js";
import { agents } from "./migration-002-agents.js";
import { vulnerabilities } from "./migration-003-vulnerabilities.js";
import { outdated } from "./migration-004-outdated.js";
import { openStore } from "./store.js";

// A database as release 004 left it, SBOM text inline in `snapshots`, migrated to the latest.
const before = {
  "001-initial": initial,
  "002-agents": agents,
  "003-vulnerabilities": vulnerabilities,
  "004-outdated": outdated,
};
const document = readFileSync(fixturePath("alpine-310.cdx.json"), "utf8");

function snapshotRow(id: string) {
  return {
    id,
    project_id: "p1",
    state: "ready",
    failure_reason: null,
    format: "cyclonedx",
    spec_version: "1.6",
    sbom: `${document.trimEnd()}${id === "s1" ? "" : " "}`,
    image_digest: null,
    os: null,
    labels: "{}",
    layers: "[]",
    engine: "image",
    component_count: 0,
    created_at: `2026-01-0${id.slice(1)}T00:00:00.000Z`,
    processed_at: null,
  };
}

async function seedRelease004(db: Kysely<unknown>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => before } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  const now = "2026-01-01T00:00:00.000Z";
  const project = {
    id: "p1",
    parent_id: null,
    kind: "image",
    name: "p",
    path: "p",
    created_at: now,
  };
  const rows = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  await rows.insertInto("projects").values(project).execute();
  await rows
    .insertInto("snapshots")
    .values([snapshotRow("s1"), snapshotRow("s2")])
    .execute();
}

describe.each(backends())("migration 005 on %s", (backend) => {
  let cluster: TestPostgres | undefined;
  let options: { dataDir: string; databaseUrl?: string };

  beforeAll(async () => {
    if (backend === "postgres") cluster = await startPostgres();
    const databaseUrl = await cluster?.createDatabase("migration005");
    options = { dataDir: tempDir("migration005"), databaseUrl };
    const db = databaseUrl
      ? new Kysely<unknown>({
          dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: databaseUrl }) }),
        })
      : new Kysely<unknown>({
          dialect: new SqliteDialect({ database: new SQLite(join(options.dataDir, "lading.db")) }),
        });
    await seedRelease004(db);
    await db.destroy();
  }, 120_000);

  afterAll(() => cluster?.stop());

  it("moves every stored document, byte for byte, out of snapshots, and indexes the state", async () => {
    const store = await openStore(options);
    try {
      const moved = await store.db
        .selectFrom("snapshot_documents")
        .selectAll()
        .orderBy("snapshot_id")
        .execute();
      expect(moved).toEqual([
        { snapshot_id: "s1", document: snapshotRow("s1").sbom },
        { snapshot_id: "s2", document: snapshotRow("s2").sbom },
      ]);
      const columns = await columnsOfSnapshots(store.db as Kysely<unknown>);
      expect(columns).not.toContain("sbom");
      expect(columns).toContain("created_at");
      await store.db.deleteFrom("findings").execute();
      await store.db.deleteFrom("snapshots").where("id", "=", "s2").execute();
      const left = await store.db.selectFrom("snapshot_documents").select("snapshot_id").execute();
      expect(left).toEqual([{ snapshot_id: "s1" }]);
    } finally {
      await store.close();
    }
  });

  it("plans the latest-ready-snapshot lookup on the new index", async () => {
    const store = await openStore(options);
    try {
      const plan = await explainLatest(store.db as Kysely<unknown>, backend);
      expect(plan).toContain("snapshots_state_project");
    } finally {
      await store.close();
    }
  });
});

async function columnsOfSnapshots(db: Kysely<unknown>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.find((t) => t.name === "snapshots")?.columns.map((c) => c.name) ?? [];
}

async function explainLatest(db: Kysely<unknown>, backend: string): Promise<string> {
  // The planner prefers a sequential scan of a two-row table on PostgreSQL; forbid that so the
  // plan shows which index it would use on a large one.
  const query = sql`select 1 from snapshots as t where t.project_id = 'p1' and t.state = 'ready' and t.created_at > '2026-01-01'`;
  if (backend === "sqlite") {
    const { rows } = await sql<{ detail: string }>`explain query plan ${query}`.execute(db);
    return rows.map((r) => r.detail).join("\n");
  }
  return db.connection().execute(async (conn) => {
    await sql`set enable_seqscan = off`.execute(conn);
    const { rows } = await sql<{ "QUERY PLAN": string }>`explain ${query}`.execute(conn);
    return rows.map((r) => r["QUERY PLAN"]).join("\n");
  });
}
