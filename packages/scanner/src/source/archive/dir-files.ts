import { createReadStream } from "node:fs";
import { open, stat } from "node:fs/promises";
import { join } from "node:path";
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
 * name that climbs out of the directory is treated as missing rather than read.
 */
export function createDirFiles(root: string): RandomAccessFiles {
  const resolve = (name: string) => {
    const clean = normalizeMemberName(name);
    return clean.split("/").includes("..") ? undefined : join(root, clean);
  };
  const regularSize = async (name: string) => {
    const path = resolve(name);
    const info = path ? await stat(path).catch(() => undefined) : undefined;
    return info?.isFile() ? info.size : undefined;
  };
  const files: RandomAccessFiles = {
    label: root,
    size: regularSize,
    async read(name) {
      const size = await regularSize(name);
      if (size === undefined) throw missingFile(files, name);
      if (size > MAX_METADATA_BYTES) {
        throw new ImageFormatError(`${name} in ${root} is ${size} bytes, too big to be metadata`);
      }
      const handle = await open(resolve(name) as string, "r");
      try {
        return await handle.readFile();
      } finally {
        await handle.close();
      }
    },
    digest: async (name) => hashStream(await files.open(name)),
    async head(name, n) {
      const handle = await open(resolve(name) as string, "r").catch(() => {
        throw missingFile(files, name);
      });
      try {
        const buffer = Buffer.alloc(n);
        const { bytesRead } = await handle.read(buffer, 0, n, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    async open(name): Promise<Readable> {
      if ((await regularSize(name)) === undefined) throw missingFile(files, name);
      return createReadStream(resolve(name) as string, { highWaterMark: BLOB_CHUNK_BYTES });
    },
    async locate(name) {
      const length = await regularSize(name);
      return length === undefined
        ? undefined
        : { path: resolve(name) as string, offset: 0, length };
    },
  };
  return files;
}
