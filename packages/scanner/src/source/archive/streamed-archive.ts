import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { extract as createExtract, type Header } from "tar-stream";
import { ImageFormatError } from "../../errors.js";
import { decompress } from "../../filetree/decompress.js";
import { createLayerIndex } from "../../filetree/layer-reader.js";
import type { CapturePolicy, LayerIndex } from "../../filetree/types.js";
import { readBlobInto } from "../blob-layers.js";
import { hashBytes } from "./hash-stream.js";
import {
  type ImageFiles,
  MAX_METADATA_BYTES,
  missingFile,
  resolveMemberLink,
} from "./image-files.js";
import { normalizeMemberName } from "./tar-index.js";

/** A blob that was indexed as a layer while the archive streamed past. */
export interface StreamedBlob {
  /** Indexed with layer number -1; the caller renumbers it once the manifest is known. */
  index: LayerIndex;
  digest: string;
  size: number;
  head: Buffer;
}

type Member =
  | { kind: "json"; bytes: Buffer }
  | { kind: "blob"; blob: StreamedBlob }
  | { kind: "link"; target: string | null };

/** A compressed archive read once: metadata kept in memory, every other blob already indexed. */
export interface StreamedArchive extends ImageFiles {
  blob(name: string): StreamedBlob | undefined;
}

type Entry = AsyncIterable<Buffer> & { header: Header; resume(): unknown };

/**
 * Streams a compressed archive (`docker save | gzip`) once, since it cannot be seeked. Which
 * blobs are layers is only known from the manifest, which `docker save` writes last, so every
 * member that is not JSON is indexed as a layer as it passes, its digest taken on the way, and
 * matched to the manifest afterwards.
 * TODO: in an archive of several images the layers of the images not picked are indexed too,
 * costing their read time; and blobs are hashed with sha256 only, so a manifest naming a
 * sha512 layer digest reports a mismatch here. Both are rare in `docker save` output.
 */
export function streamArchive(path: string, policy: CapturePolicy): Promise<StreamedArchive> {
  return streamArchiveFrom(createReadStream(path), path, policy);
}

/**
 * Like {@link streamArchive}, from a stream that is already open (an engine's image export):
 * nothing is written to disk. `label` names the archive in messages.
 */
export async function streamArchiveFrom(
  input: Readable,
  label: string,
  policy: CapturePolicy,
): Promise<StreamedArchive> {
  const path = label;
  const members = new Map<string, Member>();
  const { stream } = await decompress(input);
  const extract = createExtract();
  stream.on("error", (err) => extract.destroy(err));
  stream.pipe(extract);
  try {
    for await (const entry of extract as AsyncIterable<Entry>) {
      await readMember(entry, members, policy);
    }
  } catch (err) {
    throw new ImageFormatError(`${path} could not be read: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return createStreamedFiles(path, members);
}

async function readMember(entry: Entry, members: Map<string, Member>, policy: CapturePolicy) {
  const { header } = entry;
  const name = normalizeMemberName(header.name);
  if (header.type === "symlink" || header.type === "link") {
    const target = resolveMemberLink(name, header.linkname ?? "", header.type === "link");
    members.set(name, { kind: "link", target });
  }
  if (header.type !== "file" && header.type !== "contiguous-file") {
    entry.resume();
    return;
  }
  const chunks = entry[Symbol.asyncIterator]();
  const first = await chunks.next();
  const head: Buffer = first.done ? Buffer.alloc(0) : first.value;
  if (looksLikeJson(head)) {
    members.set(name, { kind: "json", bytes: await collect(head, chunks, name) });
    return;
  }
  const rest = async function* () {
    yield head;
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield next.value;
  };
  const index = createLayerIndex(-1);
  const measured = await readBlobInto(Readable.from(rest()), index, policy, name);
  members.set(name, { kind: "blob", blob: { index, ...measured, head: head.subarray(0, 8) } });
}

function looksLikeJson(head: Buffer): boolean {
  const text = head.subarray(0, 64).toString("latin1").trimStart();
  return text.startsWith("{") || text.startsWith("[");
}

async function collect(head: Buffer, rest: AsyncIterator<Buffer>, name: string): Promise<Buffer> {
  const chunks = [head];
  let size = head.length;
  for (let next = await rest.next(); !next.done; next = await rest.next()) {
    size += next.value.length;
    if (size > MAX_METADATA_BYTES) throw new ImageFormatError(`${name} is too big to be metadata`);
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

function createStreamedFiles(path: string, members: Map<string, Member>): StreamedArchive {
  const find = (name: string): Exclude<Member, { kind: "link" }> | undefined => {
    let member = members.get(name);
    for (let hop = 0; hop < 8 && member?.kind === "link"; hop++) {
      member = member.target === null ? undefined : members.get(member.target);
    }
    return member?.kind === "link" ? undefined : member;
  };
  const files: StreamedArchive = {
    label: path,
    blob: (name) => {
      const member = find(name);
      return member?.kind === "blob" ? member.blob : undefined;
    },
    size: async (name) => {
      const member = find(name);
      return member?.kind === "json" ? member.bytes.length : member?.blob.size;
    },
    async read(name) {
      const member = find(name);
      if (member === undefined) throw missingFile(files, name);
      if (member.kind === "json") return member.bytes;
      throw new ImageFormatError(`${name} in ${path} is not JSON metadata`);
    },
    digest: async (name) => {
      const member = find(name);
      if (member === undefined) throw missingFile(files, name);
      return member.kind === "json" ? hashBytes(member.bytes) : member.blob.digest;
    },
    head: async (name, n) => {
      const member = find(name);
      if (member === undefined) throw missingFile(files, name);
      return (member.kind === "json" ? member.bytes : member.blob.head).subarray(0, n);
    },
  };
  return files;
}
