import Database from "better-sqlite3";
import { type HeaderBlob, RpmDbError, type RpmDbFormat } from "./db-types.js";

/** The first 16 bytes of every SQLite 3 database file. */
const MAGIC = "SQLite format 3\u0000";

/**
 * rpm's SQLite database (`rpmdb.sqlite`, rpm ≥ 4.16 on Fedora, RHEL 9, CBL-Mariner): the
 * `Packages` table holds one header blob per row, keyed by `hnum`. The file is opened from
 * memory, read-only, so nothing is written next to the image.
 *
 * TODO: pages still in the image's `rpmdb.sqlite-wal` are not read, so a package installed by
 * a transaction that was never checkpointed is missed; rpm checkpoints on close, so this only
 * loses packages when an image was committed while rpm was running.
 */
export const sqliteFormat = {
  name: "sqlite",
  matches: (content) => content.length >= 16 && content.toString("latin1", 0, 16) === MAGIC,
  read(content) {
    let db: Database.Database;
    try {
      db = new Database(inRollbackMode(content), { readonly: true });
    } catch (err) {
      throw new RpmDbError(`SQLite database cannot be opened: ${(err as Error).message}`);
    }
    try {
      const rows = db.prepare("SELECT hnum, blob FROM Packages").all() as {
        hnum: number;
        blob: Buffer;
      }[];
      return rows.map((row): HeaderBlob => ({ id: row.hnum, blob: Buffer.from(row.blob) }));
    } catch (err) {
      throw new RpmDbError(`SQLite Packages table cannot be read: ${(err as Error).message}`);
    } finally {
      db.close();
    }
  },
} satisfies RpmDbFormat;

/**
 * rpm keeps its SQLite database in WAL mode, which an in-memory copy cannot open (there is no
 * -wal file beside it). Bytes 18-19 of the header say the journal mode
 * (https://www.sqlite.org/fileformat2.html#the_database_header); a copy marked as a rollback
 * journal database reads the same committed pages.
 */
function inRollbackMode(content: Buffer): Buffer {
  if (content[18] !== 2 && content[19] !== 2) return content;
  const copy = Buffer.from(content);
  copy[18] = 1;
  copy[19] = 1;
  return copy;
}
