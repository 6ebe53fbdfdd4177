import { copyFile, mkdir, open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import Database from "better-sqlite3";
import { normalizeEcosystem, normalizeName } from "../names.js";
import type { Advisory } from "../types.js";
import { createSchema, DB_FILE, SCHEMA_VERSION, schemaVersion } from "./schema.js";

/** What is recorded about a source after it was (re)loaded. */
export interface SourceRecord {
  name: string;
  /** Path or URL the data came from. */
  location: string;
  records: number;
  skipped: number;
  etag?: string;
  lastModified?: string;
}

/**
 * Writes into a private copy of the database; {@link writeVulnDb} swaps it in when done.
 * Sources are replaced whole, so records a source dropped upstream disappear too.
 */
export class VulnDbWriter {
  private readonly insertAdvisory;
  private readonly insertAffected;
  private readonly findKey;
  private readonly deleteAffected;
  private readonly deleteAdvisory;

  constructor(readonly db: Database.Database) {
    this.insertAdvisory = db.prepare(
      "INSERT INTO advisories (key, id, source, withdrawn, body) VALUES (?, ?, ?, ?, ?)",
    );
    this.insertAffected = db.prepare(
      "INSERT OR REPLACE INTO affected (advisory, ecosystem, name, seq, body) VALUES (?, ?, ?, ?, ?)",
    );
    this.findKey = db.prepare("SELECT rowid FROM advisories WHERE key = ?").pluck();
    this.deleteAffected = db.prepare("DELETE FROM affected WHERE advisory = ?");
    this.deleteAdvisory = db.prepare("DELETE FROM advisories WHERE rowid = ?");
  }

  /** Drops every record of a source, before it is loaded again. */
  clearSource(source: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          "DELETE FROM affected WHERE advisory IN (SELECT rowid FROM advisories WHERE source = ?)",
        )
        .run(source);
      this.db.prepare("DELETE FROM advisories WHERE source = ?").run(source);
      this.db.prepare("DELETE FROM sources WHERE name = ?").run(source);
    })();
  }

  /** Stores advisories; one with the key of a stored record replaces it, whatever its source. */
  add(source: string, advisories: readonly Advisory[]): void {
    this.db.transaction(() => {
      for (const advisory of advisories) this.addOne(source, advisory);
    })();
  }

  private addOne(source: string, advisory: Advisory): void {
    const key = advisory.key ?? advisory.id;
    const existing = this.findKey.get(key) as number | undefined;
    if (existing !== undefined) {
      this.deleteAffected.run(existing);
      this.deleteAdvisory.run(existing);
    }
    const { affected, key: _key, ...body } = advisory;
    const withdrawn = advisory.withdrawn ? 1 : 0;
    const row = this.insertAdvisory.run(key, advisory.id, source, withdrawn, JSON.stringify(body));
    for (const [seq, a] of affected.entries()) {
      const ecosystem = normalizeEcosystem(a.ecosystem);
      const { ecosystem: _e, ...rest } = a;
      const name = normalizeName(ecosystem, a.name);
      this.insertAffected.run(row.lastInsertRowid, ecosystem, name, seq, JSON.stringify(rest));
    }
  }

  /** Records a source's counts and the validators of its download. */
  setSource(record: SourceRecord, updatedAt = new Date()): void {
    this.db
      .prepare(
        `INSERT OR REPLACE INTO sources (name, location, records, skipped, updated_at, etag, last_modified)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        record.name,
        record.location,
        record.records,
        record.skipped,
        updatedAt.toISOString(),
        record.etag ?? null,
        record.lastModified ?? null,
      );
  }

  /** The stored validators of a source, for a conditional request. */
  validators(source: string): { etag?: string; lastModified?: string } {
    const row = this.db
      .prepare("SELECT etag, last_modified AS lastModified FROM sources WHERE name = ?")
      .get(source) as { etag: string | null; lastModified: string | null } | undefined;
    return { etag: row?.etag ?? undefined, lastModified: row?.lastModified ?? undefined };
  }
}

/**
 * Updates the database in `dir` atomically: a copy is written beside it and renamed over it
 * when `update` succeeds. rename(2) replaces the file in one step, so a reader sees the old
 * data or the new, never half an update; readers that opened the old file keep reading it.
 * When `update` throws, the copy is deleted and the old data stays. A copy of another schema
 * version is started afresh.
 */
export async function writeVulnDb<T>(
  dir: string,
  update: (writer: VulnDbWriter) => Promise<T>,
): Promise<T> {
  await mkdir(dir, { recursive: true });
  const target = join(dir, DB_FILE);
  const temp = join(dir, `${DB_FILE}.${process.pid}.${Date.now()}.tmp`);
  await copyFile(target, temp).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== "ENOENT") throw err;
  });
  const db = await openForWrite(temp);
  try {
    const result = await update(new VulnDbWriter(db));
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('built_at', ?)").run(
      new Date().toISOString(),
    );
    db.close();
    await syncFile(temp);
    await rename(temp, target);
    return result;
  } catch (err) {
    if (db.open) db.close();
    await rm(temp, { force: true });
    throw err;
  }
}

async function openForWrite(path: string): Promise<Database.Database> {
  let db = new Database(path);
  if (schemaVersion(db) !== SCHEMA_VERSION && schemaVersion(db) !== 0) {
    db.close();
    await rm(path, { force: true });
    db = new Database(path);
  }
  // One file, no journal left beside it: the rename moves the whole database.
  db.pragma("journal_mode = DELETE");
  // Writes go unsynced for speed; the finished file is synced once before the rename.
  db.pragma("synchronous = OFF");
  createSchema(db);
  return db;
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
