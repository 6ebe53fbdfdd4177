import { bytesOf, readAddress, readExecutable } from "../binary/executable.js";
import type { Executable } from "../binary/types.js";

/** The raw build info a Go toolchain embeds: its version and the module info text. */
export interface RawBuildInfo {
  goVersion: string;
  modInfo: string;
}

/** The build info header was found but could not be decoded. */
export class BuildInfoError extends Error {}

const MAGIC = Buffer.from("\xff Go buildinf:", "latin1");
const SECTIONS = [
  ".go.buildinfo",
  "__go_buildinfo",
  ".data",
  "__data",
  ".noptrdata",
  "__noptrdata",
];
const FLAG_BIG_ENDIAN = 1;
const FLAG_INLINE = 2;
const HEADER_BYTES = 32;

/**
 * Whether `data` can hold Go build info at all: its header's magic appears somewhere. Cheap
 * enough to run on every executable as it is read, so non-Go binaries need not be kept.
 */
export function mayHaveBuildInfo(data: Buffer): boolean {
  return data.includes(MAGIC);
}

/**
 * Finds and decodes the build info of a Go binary, as `debug/buildinfo` does
 * (https://github.com/golang/go/blob/go1.22.0/src/debug/buildinfo/buildinfo.go), or of the bare
 * record {@link condenseBuildInfo} makes of one. Returns undefined for a file that is not a Go
 * executable; throws {@link BuildInfoError} when the header is there but what it points at is not.
 */
export function readBuildInfo(data: Buffer): RawBuildInfo | undefined {
  const raw = isBare(data) ? readInline(data, HEADER_BYTES) : readFromExecutable(data);
  if (raw === undefined) return undefined;
  return { goVersion: raw.goVersion.toString("utf8"), modInfo: stripSentinels(raw.modInfo) };
}

/**
 * The build info of a Go binary as a bare record of a few hundred bytes: the header in the Go
 * 1.18+ inline layout followed by the two strings as the binary holds them, with no executable
 * around it. The capture keeps this in a Go binary's place, so that a binary of tens of MiB is
 * not held until cataloging for a few KiB of module list; {@link readBuildInfo} reads it back to
 * the same result. Undefined when `data` holds no build info that can be read.
 */
export function condenseBuildInfo(data: Buffer): Buffer | undefined {
  let raw: RawBytes | undefined;
  try {
    raw = readFromExecutable(data);
  } catch (err) {
    if (err instanceof BuildInfoError || err instanceof RangeError) return undefined;
    throw err;
  }
  if (raw === undefined) return undefined;
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header);
  header[14] = 8;
  header[15] = FLAG_INLINE;
  return Buffer.concat([header, varString(raw.goVersion), varString(raw.modInfo)]);
}

/** A bare record starts with the magic; an executable starts with its format's own. */
function isBare(data: Buffer): boolean {
  return data.length >= HEADER_BYTES && data.subarray(0, MAGIC.length).equals(MAGIC);
}

function readFromExecutable(data: Buffer): RawBytes | undefined {
  const exe = readExecutable(data);
  if (exe === undefined) return undefined;
  const at = findHeader(exe);
  if (at === undefined) return undefined;
  const header = data.subarray(at, at + HEADER_BYTES);
  if (header.length < HEADER_BYTES) throw new BuildInfoError("build info header is truncated");
  const flags = header[15] as number;
  return flags & FLAG_INLINE
    ? readInline(data, at + HEADER_BYTES)
    : readPointers(exe, header, flags);
}

function varString(bytes: Buffer): Buffer {
  const length: number[] = [];
  let n = bytes.length;
  while (n >= 0x80) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return Buffer.concat([Buffer.from(length), bytes]);
}

/** The header sits 16-byte aligned at the start of its section; searched there, then anywhere. */
function findHeader(exe: Executable): number | undefined {
  for (const name of SECTIONS) {
    const section = exe.sections.find((s) => s.name === name);
    const bytes = section && bytesOf(exe, section);
    if (!section || !bytes) continue;
    const found = alignedIndexOf(bytes);
    if (found !== undefined) return section.offset + found;
  }
  return alignedIndexOf(exe.data);
}

function alignedIndexOf(bytes: Buffer): number | undefined {
  let at = bytes.indexOf(MAGIC);
  while (at >= 0) {
    if (at % 16 === 0) return at;
    at = bytes.indexOf(MAGIC, at + 1);
  }
  return undefined;
}

interface RawBytes {
  goVersion: Buffer;
  modInfo: Buffer;
}

/** Go 1.18+: two varint-prefixed strings right after the 32-byte header. */
function readInline(data: Buffer, at: number): RawBytes {
  const version = readVarString(data, at);
  const mod = readVarString(data, version.next);
  return { goVersion: version.text, modInfo: mod.text };
}

function readVarString(data: Buffer, at: number): { text: Buffer; next: number } {
  let length = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    if (pos >= data.length || shift > 28)
      throw new BuildInfoError("bad string length in build info");
    const byte = data[pos++] as number;
    length |= (byte & 0x7f) << shift;
    if (byte < 0x80) break;
    shift += 7;
  }
  if (length < 0 || pos + length > data.length)
    throw new BuildInfoError("build info string runs past the file");
  return { text: data.subarray(pos, pos + length), next: pos + length };
}

/** Go 1.13–1.17: two pointers to Go string headers (data pointer, length) in the binary. */
function readPointers(exe: Executable, header: Buffer, flags: number): RawBytes {
  const ptrSize = header[14] as number;
  if (ptrSize !== 4 && ptrSize !== 8) throw new BuildInfoError(`bad pointer size ${ptrSize}`);
  const big = (flags & FLAG_BIG_ENDIAN) !== 0;
  const pointer = (buf: Buffer, at: number) => readPointer(buf, at, ptrSize, big);
  const goVersion = readGoString(exe, pointer(header, 16), ptrSize, pointer);
  const modInfo = readGoString(exe, pointer(header, 16 + ptrSize), ptrSize, pointer);
  return { goVersion, modInfo };
}

type PointerReader = (buf: Buffer, at: number) => number;

function readGoString(
  exe: Executable,
  addr: number,
  ptrSize: number,
  pointer: PointerReader,
): Buffer {
  const stringHeader = readAddress(exe, addr, ptrSize * 2);
  if (stringHeader === undefined) throw new BuildInfoError("build info points outside the file");
  const dataAddr = pointer(stringHeader, 0);
  const length = pointer(stringHeader, ptrSize);
  if (length === 0) return Buffer.alloc(0);
  if (length > 16 * 1024 * 1024) throw new BuildInfoError("build info string is implausibly long");
  const bytes = readAddress(exe, dataAddr, length);
  if (bytes === undefined) throw new BuildInfoError("build info string lies outside the file");
  return bytes;
}

function readPointer(buf: Buffer, at: number, size: number, big: boolean): number {
  if (size === 4) return big ? buf.readUInt32BE(at) : buf.readUInt32LE(at);
  const v = big ? buf.readBigUInt64BE(at) : buf.readBigUInt64LE(at);
  return v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v);
}

/** The module info is wrapped in two 16-byte sentinels, the second preceded by a newline. */
function stripSentinels(modInfo: Buffer): string {
  if (modInfo.length >= 33 && modInfo[modInfo.length - 17] === 0x0a) {
    return modInfo.toString("utf8", 16, modInfo.length - 16);
  }
  return modInfo.toString("utf8");
}
