/**
 * Reads an rpm header blob as rpm databases store it: no lead and no header magic, just the
 * index count and data length (big-endian int32 each), the index entries (16 bytes: tag, type,
 * offset, count) and the data store they point into
 * (https://rpm-software-management.github.io/rpm/manual/format_v4.html, "Header structure").
 */

/** Thrown for a blob that is not a well-formed header; callers turn it into an unknown. */
export class HeaderError extends Error {}

/** Data types of index entries (rpm's `rpmTagType`). */
const TYPE = { char: 1, int8: 2, int16: 3, int32: 4, int64: 5, string: 6, bin: 7 } as const;
const STRING_ARRAY = 8;
const I18N_STRING = 9;

/** The entry sizes rpm allows, per type, for bounds checks. */
const WIDTH: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 7: 1 };

/** rpm refuses headers over 256 MB of data or with more than 65535 tags (`hdrchkData`). */
const MAX_DATA = 256 * 1024 * 1024;
const MAX_TAGS = 0xffff;

/** One tag's value: strings, numbers or raw bytes. */
export type TagValue = string[] | number[] | Buffer;

/** A parsed header: tag number → value. */
export type Header = Map<number, TagValue>;

/** Parses a header blob; throws {@link HeaderError} when it is truncated or inconsistent. */
export function parseHeader(blob: Buffer): Header {
  if (blob.length < 8) throw new HeaderError(`header blob of ${blob.length} bytes is too short`);
  const count = blob.readInt32BE(0);
  const dataLength = blob.readInt32BE(4);
  if (count < 1 || count > MAX_TAGS || dataLength < 0 || dataLength > MAX_DATA) {
    throw new HeaderError(`header declares ${count} tags and ${dataLength} data bytes`);
  }
  const dataStart = 8 + count * 16;
  if (dataStart + dataLength > blob.length) {
    throw new HeaderError(`header needs ${dataStart + dataLength} bytes, blob has ${blob.length}`);
  }
  const data = blob.subarray(dataStart, dataStart + dataLength);
  const header: Header = new Map();
  for (let i = 0; i < count; i++) {
    const at = 8 + i * 16;
    const tag = blob.readInt32BE(at);
    const value = readEntry(
      data,
      blob.readUInt32BE(at + 4),
      blob.readInt32BE(at + 8),
      blob.readUInt32BE(at + 12),
    );
    if (value !== undefined) header.set(tag, value);
  }
  return header;
}

function readEntry(
  data: Buffer,
  type: number,
  offset: number,
  count: number,
): TagValue | undefined {
  if (offset < 0 || offset > data.length) {
    throw new HeaderError(`tag data offset ${offset} is outside the ${data.length}-byte store`);
  }
  if (type === TYPE.string || type === STRING_ARRAY || type === I18N_STRING) {
    return readStrings(data, offset, type === TYPE.string ? 1 : count);
  }
  const width = WIDTH[type];
  if (width === undefined) return undefined;
  if (offset + width * count > data.length) {
    throw new HeaderError(`tag data of ${width * count} bytes at ${offset} overruns the store`);
  }
  if (type === TYPE.bin || type === TYPE.char) return data.subarray(offset, offset + count);
  return readNumbers(data, type, offset, count);
}

function readStrings(data: Buffer, offset: number, count: number): string[] {
  const strings: string[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    const end = data.indexOf(0, at);
    if (end < 0) throw new HeaderError(`string at ${at} is not terminated`);
    strings.push(data.toString("utf8", at, end));
    at = end + 1;
  }
  return strings;
}

function readNumbers(data: Buffer, type: number, offset: number, count: number): number[] {
  const numbers: number[] = [];
  for (let i = 0; i < count; i++) {
    if (type === TYPE.int8) numbers.push(data.readUInt8(offset + i));
    else if (type === TYPE.int16) numbers.push(data.readUInt16BE(offset + i * 2));
    else if (type === TYPE.int32) numbers.push(data.readUInt32BE(offset + i * 4));
    else numbers.push(Number(data.readBigUInt64BE(offset + i * 8)));
  }
  return numbers;
}
