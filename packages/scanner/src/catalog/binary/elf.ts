import type { Executable, Section } from "./types.js";

const SHT_NOBITS = 8;

/**
 * Reads the section headers of an ELF file (32 or 64 bit, either byte order).
 * https://refspecs.linuxfoundation.org/elf/gabi4+/ch4.eheader.html
 */
export function readElf(data: Buffer): Executable | undefined {
  if (data.length < 52 || data.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const is64 = data[4] === 2;
  const le = data[5] !== 2;
  const r = reader(data, le);
  const shoff = is64 ? r.u64(0x28) : r.u32(0x20);
  const shentsize = r.u16(is64 ? 0x3a : 0x2e);
  const shnum = r.u16(is64 ? 0x3c : 0x30);
  const shstrndx = r.u16(is64 ? 0x3e : 0x32);
  if (shoff === 0 || shoff + shnum * shentsize > data.length) {
    return { format: "elf", littleEndian: le, sections: [], data };
  }
  const raw = Array.from({ length: shnum }, (_, i) => header(r, shoff + i * shentsize, is64));
  const names = raw[shstrndx];
  const sections = raw.map(
    (h): Section => ({
      name: names ? cString(data, names.offset + h.nameOffset) : "",
      addr: h.addr,
      offset: h.type === SHT_NOBITS ? -1 : h.offset,
      size: h.size,
    }),
  );
  return { format: "elf", littleEndian: le, sections, data };
}

function header(r: Reader, at: number, is64: boolean) {
  return {
    nameOffset: r.u32(at),
    type: r.u32(at + 4),
    addr: is64 ? r.u64(at + 0x10) : r.u32(at + 0x0c),
    offset: is64 ? r.u64(at + 0x18) : r.u32(at + 0x10),
    size: is64 ? r.u64(at + 0x20) : r.u32(at + 0x14),
  };
}

/** Fixed-endian integer reads; 64-bit values beyond 2^53 are clamped, never used as offsets. */
export interface Reader {
  u16(at: number): number;
  u32(at: number): number;
  u64(at: number): number;
}

/** A bounds-checked reader: reading past the end throws a RangeError, caught by the caller. */
export function reader(data: Buffer, le: boolean): Reader {
  return {
    u16: (at) => (le ? data.readUInt16LE(at) : data.readUInt16BE(at)),
    u32: (at) => (le ? data.readUInt32LE(at) : data.readUInt32BE(at)),
    u64: (at) => {
      const v = le ? data.readBigUInt64LE(at) : data.readBigUInt64BE(at);
      return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
    },
  };
}

/** A NUL-terminated string at `at` (at most 256 bytes). */
export function cString(data: Buffer, at: number): string {
  if (at < 0 || at >= data.length) return "";
  const end = data.indexOf(0, at);
  return data.toString("latin1", at, end < 0 ? Math.min(data.length, at + 256) : end);
}
