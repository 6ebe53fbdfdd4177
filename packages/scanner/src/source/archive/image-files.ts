import type { Readable } from "node:stream";
import { ImageFormatError } from "../../errors.js";
import type { BlobLocation } from "../types.js";

/**
 * The files of an image as its archive or layout directory holds them, named by their path
 * relative to the archive root (`manifest.json`, `blobs/sha256/<hex>`). Image formats are read
 * through this view, so one parser serves a directory, a tar on disk and a compressed stream.
 */
export interface ImageFiles {
  /** How to name the whole source in messages. */
  readonly label: string;
  /** Size in bytes of the file at `name`, or `undefined` when there is none. */
  size(name: string): Promise<number | undefined>;
  /** The bytes of a small file (JSON metadata); throws {@link ImageFormatError} when missing. */
  read(name: string): Promise<Buffer>;
  /** `sha256:<hex>` of the file's bytes. */
  digest(name: string): Promise<string>;
  /** The first `n` bytes, to tell a compressed blob from a plain tar. */
  head(name: string, n: number): Promise<Buffer>;
}

/** Files that can be streamed on demand (a directory, or an uncompressed tar on disk). */
export interface RandomAccessFiles extends ImageFiles {
  open(name: string): Promise<Readable>;
  /** Where the file's bytes lie on disk, so another thread can read them itself. */
  locate?(name: string): Promise<BlobLocation | undefined>;
}

/**
 * Chunk size of blob reads. Node's 64 KiB default costs a native read and a Buffer per chunk;
 * 1 MiB chunks cut both sixteenfold, for 1 MiB of memory per layer read at once.
 */
export const BLOB_CHUNK_BYTES = 1 << 20;

/** Largest metadata file (manifest, index, config) read into memory. */
export const MAX_METADATA_BYTES = 16 << 20;

/** Reads and parses a JSON file, naming the file and the source when it is missing or bad. */
export async function readJson(files: ImageFiles, name: string): Promise<unknown> {
  const bytes = await files.read(name);
  return parseJson(bytes, `${name} in ${files.label}`);
}

/** Parses JSON bytes, turning a syntax error into an {@link ImageFormatError}. */
export function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch (err) {
    throw new ImageFormatError(`${what} is not valid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
}

/** The error for a file the image names but the archive lacks. */
export function missingFile(files: ImageFiles, name: string): ImageFormatError {
  return new ImageFormatError(`${files.label} has no ${name}, which the image refers to`);
}

/** Where a link member points, as an archive-root-relative name; `null` when it climbs out. */
export function resolveMemberLink(name: string, linkName: string, hard: boolean): string | null {
  const base = hard || linkName.startsWith("/") ? [] : name.split("/").slice(0, -1);
  for (const part of linkName.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (base.length === 0) return null;
      base.pop();
    } else base.push(part);
  }
  return base.join("/");
}
