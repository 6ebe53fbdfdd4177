/**
 * Minimal Mach-O (64-bit, one `__DATA` segment) and PE32+ writers for section-reader tests,
 * so those readers are exercised without a cross-compiling toolchain.
 */
import type { TestSection } from "./elf-writer.js";

/** A thin little-endian Mach-O 64 file; each section gets `addr` (default 0x100000000 + offset). */
export function writeMachO(sections: TestSection[]): Buffer {
  const headerSize = 32 + 72 + 80 * sections.length;
  const offsets = layout(sections, headerSize);
  const out = Buffer.alloc(offsets.end);
  out.writeUInt32LE(0xfeedfacf, 0);
  out.writeUInt32LE(0x0100000c, 4);
  out.writeUInt32LE(2, 12);
  out.writeUInt32LE(1, 16);
  out.writeUInt32LE(72 + 80 * sections.length, 20);
  out.writeUInt32LE(0x19, 32);
  out.writeUInt32LE(72 + 80 * sections.length, 36);
  out.write("__DATA", 40, "latin1");
  out.writeUInt32LE(sections.length, 32 + 64);
  sections.forEach((s, i) => {
    const at = 32 + 72 + i * 80;
    const offset = offsets.at[i] as number;
    out.write(s.name.slice(0, 16), at, "latin1");
    out.write("__DATA", at + 16, "latin1");
    out.writeBigUInt64LE(BigInt(s.addr ?? 0x100000000 + offset), at + 32);
    out.writeBigUInt64LE(BigInt(s.data.length), at + 40);
    out.writeUInt32LE(offset, at + 48);
    s.data.copy(out, offset);
  });
  return out;
}

/** A PE32+ file with image base 0x140000000; section RVAs equal their file offsets. */
export function writePe(sections: TestSection[]): Buffer {
  const opt = 0x40 + 4 + 20;
  const table = opt + 240;
  const offsets = layout(sections, table + 40 * sections.length);
  const out = Buffer.alloc(offsets.end);
  out.write("MZ", 0, "latin1");
  out.writeUInt32LE(0x40, 0x3c);
  out.writeUInt32BE(0x50450000, 0x40);
  out.writeUInt16LE(0x8664, 0x44);
  out.writeUInt16LE(sections.length, 0x46);
  out.writeUInt16LE(240, 0x44 + 16);
  out.writeUInt16LE(0x20b, opt);
  out.writeBigUInt64LE(0x140000000n, opt + 24);
  sections.forEach((s, i) => {
    const at = table + i * 40;
    const offset = offsets.at[i] as number;
    out.write(s.name.slice(0, 8), at, "latin1");
    out.writeUInt32LE(s.data.length, at + 8);
    out.writeUInt32LE(offset, at + 12);
    out.writeUInt32LE(s.data.length, at + 16);
    out.writeUInt32LE(offset, at + 20);
    s.data.copy(out, offset);
  });
  return out;
}

function layout(sections: TestSection[], start: number): { at: number[]; end: number } {
  const at: number[] = [];
  let end = start;
  for (const s of sections) {
    end = Math.ceil(end / 16) * 16;
    at.push(end);
    end += s.data.length;
  }
  return { at, end };
}
