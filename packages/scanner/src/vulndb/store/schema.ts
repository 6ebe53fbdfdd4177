import type Database from "better-sqlite3";

/** Bumped whenever the tables change; a database of another version is rebuilt, never read. */
export const SCHEMA_VERSION = 1;

/** The database file inside the data directory. */
export const DB_FILE = "vulns.db";

// \`affected\` is clustered by (ecosystem, name): the rows of one package sit together on disk, so
// a lookup reads a page or two instead of one page per advisory.
const TABLES = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
  name TEXT PRIMARY KEY, location TEXT NOT NULL, records INTEGER NOT NULL,
  skipped INTEGER NOT NULL, updated_at TEXT NOT NULL, etag TEXT, last_modified TEXT);
CREATE TABLE IF NOT EXISTS advisories (
  rowid INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, id TEXT NOT NULL,
  source TEXT NOT NULL, withdrawn INTEGER NOT NULL, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS affected (
  ecosystem TEXT NOT NULL, name TEXT NOT NULL, advisory INTEGER NOT NULL, seq INTEGER NOT NULL,
  body TEXT NOT NULL, PRIMARY KEY (ecosystem, name, advisory, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS affected_by_advisory ON affected (advisory);
CREATE INDEX IF NOT EXISTS advisories_by_source ON advisories (source);
`;

/** Creates the tables in an empty database and stamps the schema version. */
export function createSchema(db: Database.Database): void {
  db.exec(TABLES);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}

/** The schema version a database was written with (0 for an empty file). */
export function schemaVersion(db: Database.Database): number {
  return db.pragma("user_version", { simple: true }) as number;
}
