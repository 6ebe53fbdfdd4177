import { type HeaderBlob, RpmDbError, type RpmDbFormat } from "./db-types.js";

/**
 * Berkeley DB hash databases (`/var/lib/rpm/Packages`, rpm < 4.16), read page by page without
 * libdb. Layout from Berkeley DB's `dbinc/db_page.h`: a metadata page, then hash pages holding
 * key/data item pairs; rpm's headers are too large for a page, so their data items point to a
 * chain of overflow pages.
 */

const HASH_MAGIC = 0x061561;
const PAGE_HEADER = 26;
const PAGE_TYPE = { hash: 13, overflow: 7, hashUnsorted: 2 } as const;
const ITEM = { keyData: 1, offPage: 3 } as const;

interface Layout {
  content: Buffer;
  pageSize: number;
  pages: number;
  little: boolean;
}

export const bdbFormat = {
  name: "bdb",
  matches: (content) => readLayout(content) !== undefined,
  read(content, onBroken) {
    const layout = readLayout(content);
    if (layout === undefined) throw new RpmDbError("not a Berkeley DB hash database");
    const blobs: HeaderBlob[] = [];
    for (let page = 1; page < layout.pages; page++) {
      const type = content[page * layout.pageSize + 25];
      if (type !== PAGE_TYPE.hash && type !== PAGE_TYPE.hashUnsorted) continue;
      blobs.push(...readHashPage(layout, page, onBroken));
    }
    return blobs;
  },
} satisfies RpmDbFormat;

/** Reads the metadata page: the magic says the byte order, the page size the rest. */
function readLayout(content: Buffer): Layout | undefined {
  if (content.length < 512) return undefined;
  const little = content.readUInt32LE(12) === HASH_MAGIC;
  if (!little && content.readUInt32BE(12) !== HASH_MAGIC) return undefined;
  const pageSize = little ? content.readUInt32LE(20) : content.readUInt32BE(20);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return undefined;
  return { content, pageSize, pages: Math.floor(content.length / pageSize), little };
}

const u16 = (l: Layout, at: number) =>
  l.little ? l.content.readUInt16LE(at) : l.content.readUInt16BE(at);
const u32 = (l: Layout, at: number) =>
  l.little ? l.content.readUInt32LE(at) : l.content.readUInt32BE(at);

/** Items come in key/data pairs; the key is the header number, the data the header. */
function readHashPage(l: Layout, page: number, onBroken: (id: number, r: string) => void) {
  const base = page * l.pageSize;
  const entries = u16(l, base + 20);
  const blobs: HeaderBlob[] = [];
  for (let i = 0; i + 1 < entries; i += 2) {
    const keyAt = u16(l, base + PAGE_HEADER + i * 2);
    const dataAt = u16(l, base + PAGE_HEADER + (i + 1) * 2);
    const key = readInlineKey(l, base, keyAt, i);
    if (key === 0) continue; // record 0 holds rpm's bookkeeping, not a header
    try {
      blobs.push({ id: key, blob: readItem(l, base, dataAt, keyAt) });
    } catch (err) {
      onBroken(key, (err as Error).message);
    }
  }
  return blobs;
}

function readInlineKey(l: Layout, base: number, at: number, index: number): number {
  const end = index === 0 ? l.pageSize : u16(l, base + PAGE_HEADER + (index - 1) * 2);
  if (l.content[base + at] !== ITEM.keyData || end - at - 1 < 4) return -1;
  // rpm writes header numbers in the host's byte order, which is the database's.
  return u32(l, base + at + 1);
}

/** A data item: inline bytes up to the previous item, or an overflow chain. */
function readItem(l: Layout, base: number, at: number, previousAt: number): Buffer {
  if (at >= l.pageSize) throw new RpmDbError(`item offset ${at} is outside its page`);
  const type = l.content[base + at];
  if (type === ITEM.keyData) return l.content.subarray(base + at + 1, base + previousAt);
  if (type !== ITEM.offPage) throw new RpmDbError(`unsupported hash item type ${type}`);
  return readOverflow(l, u32(l, base + at + 4), u32(l, base + at + 8));
}

/** Follows an overflow chain; each page says in its `hf_offset` how many bytes it holds. */
function readOverflow(l: Layout, first: number, length: number): Buffer {
  const parts: Buffer[] = [];
  const seen = new Set<number>();
  let total = 0;
  for (let page = first; page !== 0 && total < length; ) {
    if (page >= l.pages || seen.has(page))
      throw new RpmDbError(`overflow chain breaks at page ${page}`);
    seen.add(page);
    const base = page * l.pageSize;
    if (l.content[base + 25] !== PAGE_TYPE.overflow)
      throw new RpmDbError(`page ${page} is not an overflow page`);
    const used = Math.min(u16(l, base + 22), l.pageSize - PAGE_HEADER);
    parts.push(l.content.subarray(base + PAGE_HEADER, base + PAGE_HEADER + used));
    total += used;
    page = u32(l, base + 16);
  }
  if (total < length) throw new RpmDbError(`overflow chain holds ${total} of ${length} bytes`);
  return Buffer.concat(parts).subarray(0, length);
}
