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
}

interface AdvisoryRow {
  source: string;
  withdrawn: number;
  body: string;
}

/** An advisory as parsed once per handle; withdrawn ones are kept only to be skipped. */
type CachedAdvisory = { advisory: StoredAdvisory; source: string } | "withdrawn";

/**
 * A read-only handle on the database in a data directory. Lookups go through the
 * (ecosystem, name) index; advisories are parsed once per handle.
 */
export class VulnDb {
  private readonly byPackage;
  private readonly byRowid;
  private readonly advisories = new Map<number, CachedAdvisory>();

  private constructor(
    private readonly db: Database.Database,
    readonly path: string,
  ) {
    this.byPackage = db.prepare(
      "SELECT advisory, ecosystem, body FROM affected WHERE ecosystem = ? AND name = ?",
    );
    this.byRowid = db.prepare("SELECT source, withdrawn, body FROM advisories WHERE rowid = ?");
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
    const matches: AffectedMatch[] = [];
    for (const row of rows) {
      const cached = this.advisory(row.advisory);
      if (cached === "withdrawn") continue;
      const affected = { ecosystem: row.ecosystem, ...JSON.parse(row.body) } as Affected;
      matches.push({ advisory: cached.advisory, source: cached.source, affected });
    }
    return matches;
  }

  private advisory(rowid: number): CachedAdvisory {
    let cached = this.advisories.get(rowid);
    if (!cached) {
      const row = this.byRowid.get(rowid) as AdvisoryRow;
      cached =
        row.withdrawn === 1
          ? "withdrawn"
          : { advisory: JSON.parse(row.body) as StoredAdvisory, source: row.source };
      this.advisories.set(rowid, cached);
    }
    return cached;
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
