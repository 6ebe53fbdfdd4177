import { bdbFormat } from "./bdb.js";
import { RpmDbError, type RpmDbFormat } from "./db-types.js";
import { HeaderError } from "./header.js";
import { ndbFormat } from "./ndb.js";
import { type RpmRecord, readRpmRecord } from "./rpm-record.js";
import { sqliteFormat } from "./sqlite.js";

/** The formats tried, by their first bytes; the file name is not trusted. */
const FORMATS: readonly RpmDbFormat[] = [sqliteFormat, ndbFormat, bdbFormat];

/** What one database file held: readable packages and reasons for the records that were not. */
export interface DatabaseContent {
  format: string;
  records: RpmRecord[];
  broken: string[];
}

/** Reads every package of an rpm database; throws {@link RpmDbError} if the file is unusable. */
export function readDatabase(content: Buffer): DatabaseContent {
  const format = FORMATS.find((f) => f.matches(content));
  if (format === undefined)
    throw new RpmDbError("not an rpm database (sqlite, NDB or Berkeley DB)");
  const broken: string[] = [];
  const note = (id: number, reason: string) => broken.push(`record ${id}: ${reason}`);
  const records: RpmRecord[] = [];
  for (const { id, blob } of format.read(content, note)) {
    try {
      records.push(readRpmRecord(blob));
    } catch (err) {
      if (!(err instanceof HeaderError || err instanceof RangeError)) throw err;
      note(id, `corrupt header: ${err.message}`);
    }
  }
  return { format: format.name, records, broken };
}
