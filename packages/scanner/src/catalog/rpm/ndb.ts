import { type HeaderBlob, RpmDbError, type RpmDbFormat } from "./db-types.js";

/**
 * rpm's own NDB format (`Packages.db`, rpm ≥ 4.16 on SUSE), from rpm's `lib/backend/ndb/rpmpkg.c`:
 * a 32-byte header (`RpmP`, version, generation, slot pages, next index), slot pages of 16-byte
 * slots (`Slot`, package index, block offset, block count), and blobs addressed in 16-byte
 * blocks, each starting `BlbS`, package index, generation, length, then the header itself.
 */

const PAGE = 4096;
const BLOCK = 16;
const HEADER = 32;
const DB_MAGIC = "RpmP";
const SLOT_MAGIC = "Slot";
const BLOB_MAGIC = "BlbS";
/** rpm caps slot pages (`RPMPKG_MAX_SLOTPAGES`-like sanity): far above any real database. */
const MAX_SLOT_PAGES = 2048;

export const ndbFormat = {
  name: "ndb",
  matches: (content) => content.length >= HEADER && content.toString("latin1", 0, 4) === DB_MAGIC,
  read(content, onBroken) {
    const slotPages = content.readUInt32LE(12);
    if (slotPages === 0 || slotPages > MAX_SLOT_PAGES || slotPages * PAGE > content.length) {
      throw new RpmDbError(`NDB header declares ${slotPages} slot pages`);
    }
    const blobs: HeaderBlob[] = [];
    for (let at = HEADER; at + BLOCK <= slotPages * PAGE; at += BLOCK) {
      if (content.toString("latin1", at, at + 4) !== SLOT_MAGIC) continue;
      const id = content.readUInt32LE(at + 4);
      if (id === 0) continue; // a free slot
      try {
        blobs.push({ id, blob: readBlob(content, id, content.readUInt32LE(at + 8)) });
      } catch (err) {
        onBroken(id, (err as Error).message);
      }
    }
    return blobs;
  },
} satisfies RpmDbFormat;

function readBlob(content: Buffer, id: number, blockOffset: number): Buffer {
  const at = blockOffset * BLOCK;
  if (at + 16 > content.length)
    throw new RpmDbError(`blob at block ${blockOffset} is past the end`);
  if (content.toString("latin1", at, at + 4) !== BLOB_MAGIC) {
    throw new RpmDbError(`no blob at block ${blockOffset}`);
  }
  if (content.readUInt32LE(at + 4) !== id)
    throw new RpmDbError(`blob at block ${blockOffset} belongs to another package`);
  const length = content.readUInt32LE(at + 12);
  if (at + 16 + length > content.length)
    throw new RpmDbError(`blob of ${length} bytes is truncated`);
  return content.subarray(at + 16, at + 16 + length);
}
