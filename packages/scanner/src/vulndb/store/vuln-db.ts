import { existsSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { VulnDbError } from "../errors.js";
import { normalizeEcosystem, normalizeName } from "../names.js";
import type { Advisory, Affected } from "../types.js";
import { DB_FILE, SCHEMA_VERSION, schemaVersion } from "./schema.js";

/** An advisory as stored, without its affected list (which is looked up by package). */
export type StoredAdvisory = Omit<Advisory, "affected" | "key">;

/** One affected entry found for a package, with its advisory. */
export interface AffectedMatch {
  advisory: StoredAdvisory;
  /** The source (configured or imported) the advisory came from. */
  source: string;
  affected: Affected;
}

/** A source as `lading db status` shows it. */
export interface SourceStatus {
  name: string;
  location: string;
  records: number;
  skipped: number;
  updatedAt: string;
}

/** What the database holds. */
export interface VulnDbStatus {
  path: string;
  schemaVersion: number;
  builtAt?: string;
  advisories: number;
  affected: number;
  sources: SourceStatus[];
}

interface AffectedRow {
  advisory: number;
  ecosystem: string;
  body: string;
  source: string;
}

/**
 * A read-only handle on the database in a data directory. Lookups go through the
 * (ecosystem, name) index; advisories are parsed once per handle.
 */
export class VulnDb {
  private readonly byPackage;
  private readonly byRowid;
  private readonly advisories = new Map<number, StoredAdvisory>();

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    this.byPackage = db.prepare(
      `SELECT f.advisory, f.ecosystem, f.body, a.source FROM affected f
       JOIN advisories a ON a.rowid = f.advisory
       WHERE f.ecosystem = ? AND f.name = ? AND a.withdrawn = 0`,
    );
    this.byRowid = db.prepare("SELECT body FROM advisories WHERE rowid = ?").pluck();
  }

  /** Opens the database of a data directory; a missing or foreign database is a {@link VulnDbError}. */
  static open(dir: string): VulnDb {
    const path = join(dir, DB_FILE);
    if (!existsSync(path))
      throw new VulnDbError(
        `no vulnerability database in ${dir}; run "lading db update" or "lading db import"`,
      );
    const db = new Database(path, { readonly: true, fileMustExist: true });
    // Lookups jump around a file of hundreds of MiB: map it rather than read page by page.
    db.pragma("mmap_size = 1073741824");
    db.pragma("cache_size = -65536");
    const version = schemaVersion(db);
    if (version !== SCHEMA_VERSION) {
      db.close();
      throw new VulnDbError(
        `vulnerability database ${path} has schema ${version}, this lading reads ${SCHEMA_VERSION}; run "lading db update"`,
      );
    }
    return new VulnDb(db, path);
  }

  /** Every affected entry for a package, withdrawn advisories left out. */
  lookup(ecosystem: string, name: string): AffectedMatch[] {
    const eco = normalizeEcosystem(ecosystem);
    const rows = this.byPackage.all(eco, normalizeName(eco, name)) as AffectedRow[];
    return rows.map((row) => {
      const affected = JSON.parse(row.body) as Affected;
      affected.ecosystem = row.ecosystem;
      const advisory = () => this.advisory(row.advisory);
      // Most entries looked up do not affect the version at hand: their advisory (summary,
      // references, ratings) is read only when the matcher asks for it.
      return {
        source: row.source,
        affected,
        get advisory() {
          return advisory();
        },
      };
    });
  }

  private advisory(rowid: number): StoredAdvisory {
    let advisory = this.advisories.get(rowid);
    if (!advisory) {
      advisory = JSON.parse(this.byRowid.get(rowid) as string) as StoredAdvisory;
      this.advisories.set(rowid, advisory);
    }
    return advisory;
  }

  /** Sources, counts and the time the database was built. */
  status(): VulnDbStatus {
    const count = (sql: string) => (this.db.prepare(sql).get() as { n: number }).n;
    const builtAt = this.db.prepare("SELECT value FROM meta WHERE key = 'built_at'").get() as
      | { value: string }
      | undefined;
    const sources = this.db
      .prepare(
        "SELECT name, location, records, skipped, updated_at AS updatedAt FROM sources ORDER BY name",
      )
      .all() as SourceStatus[];
    return {
      path: this.path,
      schemaVersion: SCHEMA_VERSION,
      builtAt: builtAt?.value,
      advisories: count("SELECT count(*) AS n FROM advisories"),
      affected: count("SELECT count(*) AS n FROM affected"),
      sources,
    };
  }

  close(): void {
    this.db.close();
  }
}

/** Opens the vulnerability database in a data directory for matching. */
export function openVulnDb(dir: string): VulnDb {
  return VulnDb.open(dir);
}
