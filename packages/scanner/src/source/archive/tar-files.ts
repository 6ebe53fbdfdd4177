import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { Readable } from "node:stream";
import { ImageFormatError, SourceError } from "../../errors.js";
import { hashStream, readAll } from "./hash-stream.js";
import {
  BLOB_CHUNK_BYTES,
  MAX_METADATA_BYTES,
  missingFile,
  type RandomAccessFiles,
  resolveMemberLink,
} from "./image-files.js";
import { indexTar, type TarMember } from "./tar-index.js";

/** The most links followed from one member name, so a link loop in the archive ends. */
const MAX_LINK_HOPS = 8;

/** An uncompressed tar on disk, its members opened by seeking to their bodies. */
export interface TarFiles extends RandomAccessFiles {
  readonly members: ReadonlyMap<string, TarMember>;
  close(): Promise<void>;
}

/** Indexes the tar at `path` and serves its members without unpacking anything. */
export async function openTarFiles(path: string): Promise<TarFiles> {
  const handle = await open(path, "r").catch((err: Error) => {
    throw new SourceError(`cannot open ${path}: ${err.message}`, { cause: err });
  });
  try {
    const members = await indexTar(handle, path);
    return createTarFiles(path, handle, members);
  } catch (err) {
    await handle.close();
    throw err;
  }
}

function createTarFiles(
  path: string,
  handle: FileHandle,
  members: Map<string, TarMember>,
): TarFiles {
  const find = (name: string) => findMember(members, name);
  const files: TarFiles = {
    label: path,
    members,
    size: async (name) => find(name)?.size,
    async read(name) {
      const member = find(name);
      if (member === undefined) throw missingFile(files, name);
      if (member.size > MAX_METADATA_BYTES) {
        throw new ImageFormatError(
          `${name} in ${path} is ${member.size} bytes, too big to be metadata`,
        );
      }
      return readAll(await files.open(name));
    },
    digest: async (name) => hashStream(await files.open(name)),
    async head(name, n) {
      const member = find(name);
      if (member === undefined) throw missingFile(files, name);
      const buffer = Buffer.alloc(Math.min(n, member.size));
      await handle.read(buffer, 0, buffer.length, member.offset);
      return buffer;
    },
    async open(name): Promise<Readable> {
      const member = find(name);
      if (member === undefined) throw missingFile(files, name);
      if (member.size === 0) return Readable.from([]);
      const end = member.offset + member.size - 1;
      return createReadStream(path, { start: member.offset, end, highWaterMark: BLOB_CHUNK_BYTES });
    },
    async locate(name) {
      const member = find(name);
      return member && { path, offset: member.offset, length: member.size };
    },
    close: () => handle.close(),
  };
  return files;
}

/** The regular-file member at `name`, following symlinks and hard links inside the archive. */
function findMember(members: Map<string, TarMember>, name: string): TarMember | undefined {
  let current: string | null = name;
  for (let hop = 0; hop < MAX_LINK_HOPS && current !== null; hop++) {
    const member = members.get(current);
    if (member === undefined || member.type === "file") return member;
    if (member.linkName === undefined) return undefined;
    if (member.type !== "symlink" && member.type !== "hardlink") return undefined;
    current = resolveMemberLink(current, member.linkName, member.type === "hardlink");
  }
  return undefined;
}
