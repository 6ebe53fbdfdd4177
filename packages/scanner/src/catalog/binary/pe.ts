import { cString, reader } from "./elf.js";
import type { Executable, Section } from "./types.js";

/**
 * Reads the section table of a PE (Windows) executable, PE32 or PE32+.
 * https://learn.microsoft.com/en-us/windows/win32/debug/pe-format (section table, 2024-07)
 */
export function readPe(data: Buffer): Executable | undefined {
  if (data.length < 64 || data.toString("latin1", 0, 2) !== "MZ") return undefined;
  const pe = data.readUInt32LE(0x3c);
  if (pe + 24 > data.length || data.readUInt32BE(pe) !== 0x50450000) return undefined;
  const r = reader(data, true);
  const coff = pe + 4;
  const nsections = r.u16(coff + 2);
  const optSize = r.u16(coff + 16);
  const opt = coff + 20;
  const magic = r.u16(opt);
  const imageBase = magic === 0x20b ? r.u64(opt + 24) : r.u32(opt + 28);
  const table = opt + optSize;
  const sections = Array.from({ length: nsections }, (_, i): Section => {
    const s = table + i * 40;
    const virtualSize = r.u32(s + 8);
    const rawSize = r.u32(s + 16);
    return {
      name: cString(data.subarray(s, s + 8), 0),
      addr: imageBase + r.u32(s + 12),
      offset: rawSize === 0 ? -1 : r.u32(s + 20),
      size: virtualSize > 0 ? Math.min(virtualSize, rawSize) : rawSize,
    };
  });
  return { format: "pe", littleEndian: true, sections, data };
}
