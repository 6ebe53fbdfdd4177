import type { FileHandle } from "node:fs/promises";
import { ImageFormatError } from "../../errors.js";

/** One member of an uncompressed tar on disk: where its body starts and how long it is. */
export interface TarMember {
  name: string;
  /** Byte offset of the body in the file. */
  offset: number;
  size: number;
  type: "file" | "dir" | "symlink" | "hardlink" | "other";
  linkName?: string;
}

const BLOCK = 512;

/** Extended names and sizes that the next real header inherits (pax `x`, GNU `L`/`K`). */
interface Pending {
  name?: string;
  linkName?: string;
  size?: number;
}

/**
 * Lists the members of an uncompressed tar by reading only its 512-byte headers and seeking
 * over the bodies, so a multi-gigabyte `docker save` archive is indexed in a few reads. Names
 * are normalised (`./` and trailing `/` dropped); a later member of the same name wins.
 * Throws {@link ImageFormatError} when the file is not a tar or breaks off.
 */
export async function indexTar(
  file: FileHandle,
  label: string,
  options: IndexOptions = {},
): Promise<Map<string, TarMember>> {
  const members = new Map<string, TarMember>();
  try {
    await readHeaders(file, label, members, options.maxMembers ?? Number.POSITIVE_INFINITY);
  } catch (err) {
    if (!options.lenient) throw err;
  }
  return members;
}

/** How far {@link indexTar} goes. */
export interface IndexOptions {
  /** Stop after this many members. */
  maxMembers?: number;
  /** Return the members read so far instead of throwing on a broken or truncated tar. */
  lenient?: boolean;
}

async function readHeaders(
  file: FileHandle,
  label: string,
  members: Map<string, TarMember>,
  maxMembers: number,
): Promise<void> {
  const { size: fileSize } = await file.stat();
  let position = 0;
  let pending: Pending = {};
  while (members.size < maxMembers) {
    const header = await readBlock(file, position, fileSize, label);
    if (header === null || isZero(header)) break;
    checkHeader(header, position, label);
    const size = memberSize(
      pending.size ?? parseNumber(header.subarray(124, 136)),
      position,
      label,
    );
    const bodyEnd = position + BLOCK + size;
    if (bodyEnd > fileSize) {
      throw new ImageFormatError(`${label} is truncated: member at byte ${position} breaks off`);
    }
    const flag = String.fromCharCode(header[156] ?? 0);
    const body = () => readBody(file, position + BLOCK, size);
    if (flag === "x") pending = { ...pending, ...parsePax(await body()) };
    else if (flag === "L") pending.name = cString(await body());
    else if (flag === "K") pending.linkName = cString(await body());
    else if (flag !== "g") {
      const member = toMember(header, pending, position + BLOCK, size);
      if (member.name !== "") members.set(member.name, member);
      pending = {};
    }
    position += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
}

/**
 * A member's size as its header or pax record states it, refused unless it is a whole number of
 * bytes: a negative size would move the next header backwards, and a crafted archive could then
 * send the reader round the same headers forever.
 */
function memberSize(size: number, position: number, label: string): number {
  if (Number.isSafeInteger(size) && size >= 0) return size;
  throw new ImageFormatError(
    `${label} is not a valid tar: member at byte ${position} has size ${size}`,
  );
}

async function readBlock(file: FileHandle, position: number, fileSize: number, label: string) {
  if (position >= fileSize) return null;
  if (position + BLOCK > fileSize) {
    throw new ImageFormatError(`${label} is truncated: header at byte ${position} breaks off`);
  }
  const buffer = Buffer.alloc(BLOCK);
  await file.read(buffer, 0, BLOCK, position);
  return buffer;
}

async function readBody(file: FileHandle, position: number, size: number): Promise<Buffer> {
  // Extended headers are small; a huge one is corrupt, not worth reading.
  if (size > 1 << 20) throw new ImageFormatError(`extended tar header of ${size} bytes`);
  const buffer = Buffer.alloc(size);
  await file.read(buffer, 0, size, position);
  return buffer;
}

function toMember(header: Buffer, pending: Pending, offset: number, size: number): TarMember {
  const prefix = isUstar(header) ? cString(header.subarray(345, 500)) : "";
  const raw = cString(header.subarray(0, 100));
  const name = pending.name ?? (prefix ? `${prefix}/${raw}` : raw);
  const linkName = pending.linkName ?? cString(header.subarray(157, 257));
  const type = memberType(header[156] ?? 0);
  return {
    name: normalizeMemberName(name),
    offset,
    size,
    type,
    linkName: linkName || undefined,
  };
}

function memberType(flag: number): TarMember["type"] {
  switch (String.fromCharCode(flag)) {
    case "0":
    case "\0":
    case "7":
      return "file";
    case "5":
      return "dir";
    case "2":
      return "symlink";
    case "1":
      return "hardlink";
    default:
      return "other";
  }
}

/** `./a/b/` → `a/b`: the form manifests use to name archive members. */
export function normalizeMemberName(name: string): string {
  return name
    .split("/")
    .filter((p) => p !== "" && p !== ".")
    .join("/");
}

function checkHeader(header: Buffer, position: number, label: string): void {
  const stored = parseNumber(header.subarray(148, 156));
  let sum = 8 * 0x20;
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += header[i] ?? 0;
  if (stored !== sum) {
    throw new ImageFormatError(
      `${label} is not a valid tar: bad header checksum at byte ${position}`,
    );
  }
}

function isUstar(header: Buffer): boolean {
  return header.subarray(257, 263).toString("latin1") === "ustar\0";
}

function isZero(block: Buffer): boolean {
  return block.every((b) => b === 0);
}

/** Octal, or base-256 when the high bit of the first byte is set (GNU, for sizes over 8 GiB). */
function parseNumber(field: Buffer): number {
  if (((field[0] ?? 0) & 0x80) !== 0) {
    let value = (field[0] ?? 0) & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = cString(field).trim();
  return text === "" ? 0 : Number.parseInt(text, 8);
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end < 0 ? bytes.length : end).toString("utf8");
}

/** Records are `LEN key=value\n` (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html). */
function parsePax(body: Buffer): Pending {
  const result: Pending = {};
  let rest = body;
  while (rest.length > 0) {
    const space = rest.indexOf(0x20);
    const length = Number.parseInt(rest.subarray(0, space).toString("latin1"), 10);
    if (!(length > 0) || space < 0) break;
    const record = rest.subarray(space + 1, length - 1).toString("utf8");
    const eq = record.indexOf("=");
    const key = record.slice(0, eq);
    const value = record.slice(eq + 1);
    if (key === "path") result.name = value;
    else if (key === "linkpath") result.linkName = value;
    else if (key === "size") result.size = Number.parseInt(value, 10);
    rest = rest.subarray(length);
  }
  return result;
}
