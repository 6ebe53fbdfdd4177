import { ImageFormatError } from "../../errors.js";
import { createDigester, verifyDigest } from "../../filetree/digest.js";
import { type ImageFiles, missingFile } from "../archive/image-files.js";
import type { Descriptor } from "./types.js";

/** Where a blob lives in an image layout: `blobs/<algorithm>/<encoded>`. */
export function blobPath(digest: string): string {
  const [algorithm, encoded] = digest.split(":");
  if (!algorithm || !encoded || /[/\\]|^\.\.?$/.test(`${algorithm}${encoded}`)) {
    throw new ImageFormatError(`digest ${digest} does not name a blob`);
  }
  return `blobs/${algorithm}/${encoded}`;
}

/** The digest a layout path names (`blobs/sha256/<hex>` → `sha256:<hex>`), if it is a blob path. */
export function digestOfPath(name: string): string | undefined {
  const match = /^blobs\/([a-z0-9+._-]+)\/([a-zA-Z0-9=_-]+)$/.exec(name);
  return match ? `${match[1]}:${match[2]}` : undefined;
}

/** Reads a small blob (manifest, index, config) and checks it against its descriptor. */
export async function readVerifiedBlob(
  files: ImageFiles,
  descriptor: Pick<Descriptor, "digest" | "size">,
  what: string,
): Promise<Buffer> {
  const name = blobPath(descriptor.digest);
  if ((await files.size(name)) === undefined) throw missingFile(files, name);
  const bytes = await files.read(name);
  const { hash, algorithm } = createDigester(descriptor.digest);
  verifyDigest(
    { digest: descriptor.digest, size: descriptor.size, label: `${what} (${name})` },
    { digest: `${algorithm}:${hash.update(bytes).digest("hex")}`, size: bytes.length },
  );
  return bytes;
}
