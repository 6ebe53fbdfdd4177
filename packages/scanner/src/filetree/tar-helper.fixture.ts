/** Builds small layer tars in memory for the file-tree tests. */
import { Readable } from "node:stream";
import { pack } from "tar-stream";
import { createLayerIndex, readLayerTar } from "./layer-reader.js";
import type { CapturePolicy, LayerIndex } from "./types.js";

/** One tar member: a file with a body, a directory, or a link. */
export interface Member {
  name: string;
  body?: string | Buffer;
  type?: "file" | "directory" | "symlink" | "link";
  linkname?: string;
}

/** The bytes of a tar holding `members`, in order. */
export async function tarBytes(members: Member[]): Promise<Buffer> {
  const archive = pack();
  const chunks: Buffer[] = [];
  archive.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((r) => archive.on("end", r));
  for (const m of members) {
    const type = m.type ?? "file";
    archive.entry(
      { name: m.name, type, linkname: m.linkname },
      type === "file" ? (m.body ?? "") : undefined,
    );
  }
  archive.finalize();
  await done;
  return Buffer.concat(chunks);
}

/** Keeps every file's bytes. */
export const keepAll: CapturePolicy = { wants: () => true, maxSize: () => 1 << 20 };

/** Reads tar bytes as layer `layerIndex`, labelled `layer-<n>` in unknowns. */
export function readLayer(
  bytes: Buffer,
  layerIndex: number,
  policy = keepAll,
): Promise<LayerIndex> {
  return readLayerTar(
    Readable.from([bytes]),
    createLayerIndex(layerIndex),
    policy,
    `layer-${layerIndex}`,
  );
}

/** Reads each list of members as one layer, bottom first. */
export async function layers(...members: Member[][]): Promise<LayerIndex[]> {
  return Promise.all(members.map(async (m, i) => readLayer(await tarBytes(m), i)));
}
