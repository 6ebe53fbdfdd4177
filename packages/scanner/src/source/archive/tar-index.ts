import type { FileHandle } from "node:fs/promises";
import { ImageFormatError } from "../../errors.js";
import {
  BLOCK,
  checksumMatches,
  cString,
  headerName,
  isZeroBlock,
  parseNumber,
  parsePaxRecords,
} from "../../filetree/tar/header-fields.js";

/** One member of an uncompressed tar on disk: where its body starts and how long it is. */
export interface TarMember {
  name: string;
  /** Byte offset of the body in the file. */
  offset: number;
  size: number;
  type: "file" | "dir" | "symlink" | "hardlink" | "other";
  linkName?: string;
}

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
    if (header === null || isZeroBlock(header)) break;
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
  const name = pending.name ?? headerName(header);
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
  if (!checksumMatches(header)) {
    throw new ImageFormatError(
      `${label} is not a valid tar: bad header checksum at byte ${position}`,
    );
  }
}

/** The name, link and size a pax extended header gives the next member. */
function parsePax(body: Buffer): Pending {
  const records = parsePaxRecords(body);
  const result: Pending = {};
  const name = records.get("path");
  const linkName = records.get("linkpath");
  const size = records.get("size");
  if (name !== undefined) result.name = name;
  if (linkName !== undefined) result.linkName = linkName;
  if (size !== undefined) result.size = Number.parseInt(size, 10);
  return result;
}
