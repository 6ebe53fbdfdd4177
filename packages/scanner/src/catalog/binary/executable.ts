import { readElf } from "./elf.js";
import { readMachO } from "./macho.js";
import { readPe } from "./pe.js";
import type { Executable, Section } from "./types.js";

/**
 * Reads `data` as an ELF, Mach-O or PE file. Undefined means it is none of them; a file that
 * claims a format but is truncated or inconsistent throws (RangeError), for the caller to
 * record as an unknown.
 */
export function readExecutable(data: Buffer): Executable | undefined {
  return readElf(data) ?? readMachO(data) ?? readPe(data);
}

/**
 * Whether a file's first bytes carry the magic number of an ELF, Mach-O (thin or fat) or PE
 * file, the formats {@link readExecutable} reads: a cheap first look before reading the rest.
 */
export function looksExecutable(head: Buffer): boolean {
  if (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) return true; // "MZ"
  if (head.length < 4) return false;
  const be = head.readUInt32BE(0);
  const le = head.readUInt32LE(0);
  return (
    be === 0x7f454c46 ||
    be === 0xcafebabe ||
    be === 0xfeedface ||
    be === 0xfeedfacf ||
    le === 0xfeedface ||
    le === 0xfeedfacf
  );
}

/** The bytes of the first section named `name`, if it has any in the file. */
export function sectionData(exe: Executable, name: string): Buffer | undefined {
  const section = exe.sections.find((s) => s.name === name);
  return section ? bytesOf(exe, section) : undefined;
}

/** The file bytes of a section, clipped to the file. */
export function bytesOf(exe: Executable, section: Section): Buffer | undefined {
  if (section.offset < 0 || section.offset >= exe.data.length) return undefined;
  return exe.data.subarray(
    section.offset,
    Math.min(exe.data.length, section.offset + section.size),
  );
}

/** `size` bytes at virtual address `addr`, or undefined when no section holds them in the file. */
export function readAddress(exe: Executable, addr: number, size: number): Buffer | undefined {
  const section = exe.sections.find(
    (s) => s.offset >= 0 && addr >= s.addr && addr + size <= s.addr + s.size,
  );
  if (section === undefined) return undefined;
  const start = section.offset + (addr - section.addr);
  if (start + size > exe.data.length) return undefined;
  return exe.data.subarray(start, start + size);
}
