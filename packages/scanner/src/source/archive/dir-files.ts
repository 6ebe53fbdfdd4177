import { createReadStream } from "node:fs";
import { open, readFile, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";
import type { Readable } from "node:stream";
import { ImageFormatError } from "../../errors.js";
import { hashStream } from "./hash-stream.js";
import {
  BLOB_CHUNK_BYTES,
  MAX_METADATA_BYTES,
  missingFile,
  type RandomAccessFiles,
} from "./image-files.js";
import { normalizeMemberName } from "./tar-index.js";

/**
 * The files of a layout directory on disk. Names come from manifests and are untrusted, so a
 * name that climbs out of the directory is treated as missing rather than read, and so is a
 * file that is a symlink leading out of it (a blob linked to `/etc/shadow` or a device): the
 * layout may come from an untrusted archive, and reading the host through it would at least
 * tell its sizes and digests in errors, or block on a file that never ends.
 */
export function createDirFiles(root: string): RandomAccessFiles {
  const inside = insideRoot(root);
  const regularFile = async (name: string) => {
    const path = await inside(name);
    const info = path ? await stat(path).catch(() => undefined) : undefined;
    return path && info?.isFile() ? { path, size: info.size } : undefined;
  };
  const found = async (name: string) => {
    const file = await regularFile(name);
    if (file === undefined) throw missingFile(files, name);
    return file;
  };
  const files: RandomAccessFiles = {
    label: root,
    size: async (name) => (await regularFile(name))?.size,
    async read(name) {
      const { path, size } = await found(name);
      if (size > MAX_METADATA_BYTES) {
        throw new ImageFormatError(`${name} in ${root} is ${size} bytes, too big to be metadata`);
      }
      return readFile(path);
    },
    digest: async (name) => hashStream(await files.open(name)),
    async head(name, n) {
      const handle = await open((await found(name)).path, "r");
      try {
        const buffer = Buffer.alloc(n);
        const { bytesRead } = await handle.read(buffer, 0, n, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async open(name): Promise<Readable> {
      const { path } = await found(name);
      return createReadStream(path, { highWaterMark: BLOB_CHUNK_BYTES });
    },
    async locate(name) {
      const file = await regularFile(name);
      return file && { path: file.path, offset: 0, length: file.size };
    },
  };
  return files;
}

/** Resolves a name to its real path (symlinks followed), or undefined when that leaves `root`. */
function insideRoot(root: string): (name: string) => Promise<string | undefined> {
  let realRoot: Promise<string> | undefined;
  return async (name) => {
    const clean = normalizeMemberName(name);
    if (clean === "" || clean.split("/").includes("..")) return undefined;
    realRoot ??= realpath(root).catch(() => root);
    const [base, real] = await Promise.all([
      realRoot,
      realpath(join(root, clean)).catch(() => undefined),
    ]);
    return real?.startsWith(`${base}${sep}`) ? real : undefined;
  };
}
