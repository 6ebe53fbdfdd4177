import { cString, type Reader, reader } from "./elf.js";
import type { Executable, Section } from "./types.js";

const LC_SEGMENT = 0x1;
const LC_SEGMENT_64 = 0x19;
const FAT_MAGIC = 0xcafebabe;

/**
 * Reads the sections of a Mach-O file, thin or universal (the first architecture of a fat
 * binary). https://github.com/apple-oss-distributions/xnu/blob/xnu-10002.1.13/EXTERNAL_HEADERS/mach-o/loader.h
 */
export function readMachO(data: Buffer): Executable | undefined {
  if (data.length < 32) return undefined;
  if (data.readUInt32BE(0) === FAT_MAGIC) return readFat(data);
  const magic = data.readUInt32LE(0);
  const le = magic === 0xfeedface || magic === 0xfeedfacf;
  const beMagic = data.readUInt32BE(0);
  if (!le && beMagic !== 0xfeedface && beMagic !== 0xfeedfacf) return undefined;
  const is64 = (le ? magic : beMagic) === 0xfeedfacf;
  const r = reader(data, le);
  const sections = loadCommands(r, data, is64 ? 32 : 28, r.u32(16));
  return { format: "macho", littleEndian: le, sections, data };
}

/** A fat header shares Java's class-file magic; a class file's "count" is its version (≥ 45). */
function readFat(data: Buffer): Executable | undefined {
  const count = data.readUInt32BE(4);
  if (count === 0 || count > 20) return undefined;
  const offset = data.readUInt32BE(16);
  const size = data.readUInt32BE(20);
  const thin = readMachO(data.subarray(offset, offset + size));
  if (thin === undefined) return undefined;
  const sections = thin.sections.map((s) => ({
    ...s,
    offset: s.offset < 0 ? -1 : s.offset + offset,
  }));
  return { ...thin, sections, data };
}

function loadCommands(r: Reader, data: Buffer, start: number, ncmds: number) {
  const sections: Section[] = [];
  let at = start;
  for (let i = 0; i < ncmds && at + 8 <= data.length; i++) {
    const cmd = r.u32(at);
    const size = r.u32(at + 4);
    if (cmd === LC_SEGMENT_64 || cmd === LC_SEGMENT)
      sections.push(...segment(r, data, at, cmd === LC_SEGMENT_64));
    if (size < 8) break;
    at += size;
  }
  return sections;
}

function segment(r: Reader, data: Buffer, at: number, is64: boolean): Section[] {
  const nsects = r.u32(at + (is64 ? 64 : 48));
  const first = at + (is64 ? 72 : 56);
  const stride = is64 ? 80 : 68;
  return Array.from({ length: nsects }, (_, i) => {
    const s = first + i * stride;
    const size = is64 ? r.u64(s + 40) : r.u32(s + 36);
    const offset = r.u32(s + (is64 ? 48 : 40));
    const type = r.u32(s + (is64 ? 64 : 56)) & 0xff;
    const zerofill = type === 1 || type === 0x0c || type === 0x12;
    return {
      name: cString(data.subarray(s, s + 16), 0),
      addr: is64 ? r.u64(s + 32) : r.u32(s + 32),
      offset: zerofill || offset === 0 ? -1 : offset,
      size,
    };
  });
}
