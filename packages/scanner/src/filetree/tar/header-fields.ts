/**
 * Fields of a 512-byte tar header block, as POSIX ustar, pax and GNU tar lay them out
 * (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html, and GNU tar's manual,
 * "Basic Tar Format"). Shared by the layer parser and the index of an image archive on disk.
 */

/** Size of a tar block: every header, and every body rounded up. */
export const BLOCK = 512;

/** `size` rounded up to whole blocks. */
export function padded(size: number): number {
  return Math.ceil(size / BLOCK) * BLOCK;
}

/**
 * Text of `bytes[start, end)` up to the first NUL, read as UTF-8 (invalid bytes become U+FFFD,
 * never a throw). Works on the header in place: no copy, no view made per field.
 */
export function cString(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let stop = start;
  while (stop < end && bytes[stop] !== 0) stop++;
  if (stop === start) return "";
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString("utf8", start, stop);
}

/**
 * A numeric field: octal text, or base-256 when the high bit of the first byte is set (GNU, for
 * sizes over 8 GiB), which may be negative. NaN when the field is neither, so that a caller
 * can refuse it.
 */
export function parseNumber(field: Uint8Array): number {
  const first = field[0] ?? 0;
  if ((first & 0x80) !== 0) {
    // Two's complement: 0x40 in the first byte marks a negative number, which callers refuse.
    const negative = (first & 0x40) !== 0;
    let value = 0;
    for (let i = 0; i < field.length; i++) {
      const byte = i === 0 ? first & 0x7f : (field[i] as number);
      value = value * 256 + (negative ? ~byte & (i === 0 ? 0x7f : 0xff) : byte);
    }
    return negative ? -(value + 1) : value;
  }
  let value = 0;
  let digits = 0;
  let sign = 1;
  for (let i = 0; i < field.length; i++) {
    const c = field[i] ?? 0;
    if (c === 0 || (c === 0x20 && digits > 0)) break;
    if (c === 0x20) continue;
    // A minus sign is no octal digit, but naming the negative size a crafted header gives says
    // more than "not a number".
    if (c === 0x2d && digits === 0 && sign === 1) {
      sign = -1;
      continue;
    }
    if (c < 0x30 || c > 0x37) return Number.NaN;
    value = value * 8 + (c - 0x30);
    digits++;
  }
  return sign * value;
}

/** Whether the header's stored checksum matches its bytes (the field itself counted as spaces). */
export function checksumMatches(header: Uint8Array): boolean {
  const stored = parseNumber(header.subarray(148, 156));
  let sum = 8 * 0x20;
  for (let i = 0; i < 148; i++) sum += header[i] as number;
  for (let i = 156; i < BLOCK; i++) sum += header[i] as number;
  return stored === sum;
}

/** Whether a block is all zeros: two of them end an archive. */
export function isZeroBlock(block: Uint8Array): boolean {
  for (let i = 0; i < BLOCK; i++) if (block[i] !== 0) return false;
  return true;
}

/**
 * POSIX ustar (`ustar\0`), whose prefix field holds the start of long names. Old GNU headers
 * (`ustar  \0`) use the same bytes for times and sparse maps, so they have no prefix.
 */
export function isUstar(header: Uint8Array): boolean {
  return (
    header[257] === 0x75 &&
    header[258] === 0x73 &&
    header[259] === 0x74 &&
    header[260] === 0x61 &&
    header[261] === 0x72 &&
    header[262] === 0
  );
}

/** The entry's name: the ustar prefix and name fields joined. */
export function headerName(header: Uint8Array): string {
  const name = cString(header, 0, 100);
  if (header[345] === 0 || !isUstar(header)) return name;
  return `${cString(header, 345, 500)}/${name}`;
}

/**
 * Records of a pax extended header, `LEN key=value\n` each. A record whose length runs past the
 * body is read to the body's end (writers miscount by a byte); parsing stops at a record whose
 * length is no number, keeping those before it.
 */
export function parsePaxRecords(body: Uint8Array): Map<string, string> {
  const records = new Map<string, string>();
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let at = 0;
  while (at < bytes.length) {
    const space = bytes.indexOf(0x20, at);
    if (space < 0) break;
    const length = Number.parseInt(bytes.toString("latin1", at, space), 10);
    if (!(length > space - at)) break;
    const end = Math.min(at + length, bytes.length);
    const record = bytes.toString("utf8", space + 1, end).replace(/\n?\0*$/, "");
    const eq = record.indexOf("=");
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    at += length;
  }
  return records;
}
