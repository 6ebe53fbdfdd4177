/**
 * Writes zip archives for tests: enough of APPNOTE 6.3.10 (local headers, central directory,
 * end record) to build jars from fixture directories and hostile archives on the fly.
 */
import { crc32, deflateRawSync } from "node:zlib";

/** One entry to write; `declaredSize` lies about the uncompressed size when set. */
export interface TestZipEntry {
  name: string;
  data: Buffer;
  store?: boolean;
  declaredSize?: number;
}

/** Builds a zip holding `entries`, deflated unless `store` is set. */
export function writeZip(entries: TestZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const body = entry.store ? entry.data : deflateRawSync(entry.data);
    const fields = {
      method: entry.store ? 0 : 8,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.declaredSize ?? entry.data.length,
      name: Buffer.from(entry.name),
    };
    const local = Buffer.concat([header(0x04034b50, fields, false, 0), fields.name, body]);
    centrals.push(Buffer.concat([header(0x02014b50, fields, true, offset), fields.name]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  return Buffer.concat([...locals, central, endRecord(entries.length, central.length, offset)]);
}

interface Fields {
  method: number;
  crc: number;
  compressed: number;
  size: number;
  name: Buffer;
}

function header(signature: number, f: Fields, central: boolean, offset: number): Buffer {
  const b = Buffer.alloc(central ? 46 : 30);
  let at = b.writeUInt32LE(signature, 0);
  if (central) at = b.writeUInt16LE(20, at);
  at = b.writeUInt16LE(20, at);
  at = b.writeUInt16LE(0, at);
  at = b.writeUInt16LE(f.method, at);
  at = b.writeUInt32LE(0x00210000, at);
  at = b.writeUInt32LE(f.crc >>> 0, at);
  at = b.writeUInt32LE(f.compressed, at);
  at = b.writeUInt32LE(f.size, at);
  at = b.writeUInt16LE(f.name.length, at);
  at = b.writeUInt16LE(0, at);
  if (central) b.writeUInt32LE(offset, 42);
  return b;
}

function endRecord(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}
