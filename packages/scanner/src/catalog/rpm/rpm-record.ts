import { type Header, HeaderError, parseHeader, type TagValue } from "./header.js";

/** Tags Lading reads (rpm's `rpmTag` numbers, lib/rpmtag.h). */
const TAG = {
  sigmd5: 261,
  name: 1000,
  version: 1001,
  release: 1002,
  epoch: 1003,
  summary: 1004,
  size: 1009,
  vendor: 1011,
  license: 1014,
  packager: 1015,
  arch: 1022,
  oldFilenames: 1027,
  sourceRpm: 1044,
  dirIndexes: 1116,
  baseNames: 1117,
  dirNames: 1118,
  longSize: 5009,
  modularityLabel: 5096,
} as const;

/** One installed rpm package, as its header describes it. */
export interface RpmRecord {
  name: string;
  version: string;
  release: string;
  epoch?: number;
  arch?: string;
  sourceRpm?: string;
  license?: string;
  vendor?: string;
  packager?: string;
  summary?: string;
  /** Installed size in bytes. */
  size?: number;
  /** MD5 of header and payload, hex: identifies the exact build. */
  sigmd5?: string;
  modularityLabel?: string;
  files: string[];
}

/** Reads a header blob into a record; throws {@link HeaderError} when it cannot. */
export function readRpmRecord(blob: Buffer): RpmRecord {
  const header = parseHeader(blob);
  const name = text(header, TAG.name);
  const version = text(header, TAG.version);
  if (!name) throw new HeaderError("header has no name tag");
  if (!version) throw new HeaderError(`header of ${name} has no version tag`);
  return {
    name,
    version,
    release: text(header, TAG.release) ?? "",
    epoch: number(header, TAG.epoch),
    arch: text(header, TAG.arch),
    sourceRpm: text(header, TAG.sourceRpm),
    license: text(header, TAG.license),
    vendor: text(header, TAG.vendor),
    packager: text(header, TAG.packager),
    summary: text(header, TAG.summary),
    size: number(header, TAG.longSize) ?? number(header, TAG.size),
    sigmd5: hex(header.get(TAG.sigmd5)),
    modularityLabel: text(header, TAG.modularityLabel),
    files: filesOf(header),
  };
}

/** Paths from dirnames/basenames/dirindexes (rpm ≥ 4.0), or the old flat list. */
function filesOf(header: Header): string[] {
  const bases = strings(header.get(TAG.baseNames));
  const dirs = strings(header.get(TAG.dirNames));
  const indexes = header.get(TAG.dirIndexes);
  if (bases.length > 0 && Array.isArray(indexes)) {
    return bases.map((base, i) => `${dirs[indexes[i] as number] ?? ""}${base}`);
  }
  return strings(header.get(TAG.oldFilenames));
}

function strings(value: TagValue | undefined): string[] {
  return Array.isArray(value) && typeof value[0] === "string" ? (value as string[]) : [];
}

function text(header: Header, tag: number): string | undefined {
  return strings(header.get(tag))[0] || undefined;
}

function number(header: Header, tag: number): number | undefined {
  const value = header.get(tag);
  return Array.isArray(value) && typeof value[0] === "number" ? value[0] : undefined;
}

function hex(value: TagValue | undefined): string | undefined {
  return Buffer.isBuffer(value) && value.length > 0 ? value.toString("hex") : undefined;
}
