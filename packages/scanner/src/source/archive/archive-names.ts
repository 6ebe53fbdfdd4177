import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { extract as createExtract } from "tar-stream";
import { decompress, detectCompression } from "../../filetree/decompress.js";
import { indexTar, normalizeMemberName } from "./tar-index.js";

/** What a path on disk looks like from its first bytes. */
export type FileShape = "compressed" | "tar" | "other";

/** Tells a gzip or zstd file from anything else, reading 4 bytes. */
export async function sniffFile(path: string): Promise<FileShape> {
  const handle = await open(path, "r").catch(() => undefined);
  if (handle === undefined) return "other";
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    return detectCompression(head) === "none" ? "tar" : "compressed";
  } finally {
    await handle.close();
  }
}

/** Detection asks the same archive twice (docker-archive, then oci-archive); list it once. */
const cache = new Map<string, Set<string>>();

/**
 * The member names of a tar or compressed tar, for detection by content. `stopAt` ends the
 * read early once that name is seen (a compressed archive must otherwise be read through).
 * Anything that is not a readable archive gives an empty set.
 */
export async function listArchiveNames(path: string, stopAt?: string): Promise<Set<string>> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return new Set();
  const key = `${path}\0${info.size}\0${info.mtimeMs}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const shape = await sniffFile(path);
  const listed = shape === "compressed" ? await listStreamed(path, stopAt) : await listTar(path);
  if (listed.complete) {
    if (cache.size > 16) cache.clear();
    cache.set(key, listed.names);
  }
  return listed.names;
}

async function listTar(path: string) {
  const handle = await open(path, "r");
  try {
    // A docker save archive has a few dozen members; stop early on a tar of a whole rootfs.
    // A truncated archive is still recognised, so that opening it reports the truncation.
    const members = await indexTar(handle, path, { maxMembers: 10_000, lenient: true });
    return { names: new Set(members.keys()), complete: true };
  } finally {
    await handle.close();
  }
}

async function listStreamed(path: string, stopAt?: string) {
  const names = new Set<string>();
  const input = createReadStream(path);
  try {
    const { stream } = await decompress(input);
    const extract = createExtract();
    stream.on("error", (err) => extract.destroy(err));
    stream.pipe(extract);
    for await (const entry of extract) {
      const name = normalizeMemberName(entry.header.name);
      names.add(name);
      if (name === stopAt) return { names, complete: false };
      entry.resume();
    }
    return { names, complete: true };
  } catch {
    // What was listed before the stream broke still tells the kind; opening reports the break.
    return { names, complete: true };
  } finally {
    input.destroy();
  }
}
