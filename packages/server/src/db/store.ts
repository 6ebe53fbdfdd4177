import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, type Migration, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import { initial } from "./migration-001-initial.js";
import { agents } from "./migration-002-agents.js";
import { vulnerabilities } from "./migration-003-vulnerabilities.js";
import { outdated } from "./migration-004-outdated.js";
import { snapshotDocuments } from "./migration-005-snapshot-documents.js";
import type { Database } from "./schema.js";

export type Dialect = "sqlite" | "postgres";

/** An open database with its dialect; every query goes through `db`. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// One explicit list, in order; a migration once released is never edited.
const migrations: Record<string, Migration> = {
  "001-initial": initial,
  "002-agents": agents,
  "003-vulnerabilities": vulnerabilities,
  "004-outdated": outdated,
  "005-snapshot-documents": snapshotDocuments,
};

/** Opens PostgreSQL when a URL is given, else the SQLite file in the data dir; migrates it. */
export async function openStore(options: { dataDir: string; databaseUrl?: string }) {
  const store = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openSqlite(options.dataDir);
  await migrate(store.db);
  return store;
}

function openSqlite(dataDir: string): Store {
  mkdirSync(dataDir, { recursive: true });
  const file = new SQLite(join(dataDir, "lading.db"));
  // WAL lets readers run beside the single writer; a crash loses no committed transaction.
  file.pragma("journal_mode = WAL");
  file.pragma("foreign_keys = ON");
  file.pragma("busy_timeout = 5000");
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: file }) });
  return { db, dialect: "sqlite", close: () => db.destroy() };
}

function openPostgres(url: string): Store {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: "postgres", close: () => db.destroy() };
}

async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw new Error("database migration failed", { cause: error });
}

/** Kysely returns counts as strings on PostgreSQL and numbers on SQLite. */
export function toCount(value: unknown): number {
  return Number(value ?? 0);
}
