/**
 * Facts about a docker-archive (plain or gzip-compressed) for the side-by-side benchmark: the
 * archive members that are its layers, in order (the floor reads them), their uncompressed size
 * and how many tar entries they hold, so the table says how large each image is.
 */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import tarStream from "tar-stream";

const isGzip = async (path) => {
  for await (const chunk of createReadStream(path, { start: 0, end: 1 })) {
    return chunk[0] === 0x1f && chunk[1] === 0x8b;
  }
  return false;
};

/** Counts the entries of one layer tar, skipping every body. */
async function countEntries(layer) {
  const extract = tarStream.extract();
  const done = pipeline(layer, extract);
  let entries = 0;
  for await (const entry of extract) {
    entries++;
    entry.resume();
  }
  await done;
  return entries;
}

async function readArchive(path) {
  const outer = tarStream.extract();
  const input = createReadStream(path);
  const done = pipeline((await isGzip(path)) ? input.pipe(createGunzip()) : input, outer);
  const layers = new Map();
  let manifest;
  for await (const entry of outer) {
    const { name, size } = entry.header;
    if (name === "manifest.json") manifest = JSON.parse(await text(entry));
    else if (name.endsWith(".tar")) layers.set(name, { size, entries: await countEntries(entry) });
    else entry.resume();
  }
  await done;
  return { manifest, layers };
}

async function text(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** The layers (archive member names), their uncompressed bytes and tar entries in all. */
export async function archiveFacts(path) {
  const { manifest, layers } = await readArchive(path);
  const names = manifest?.[0]?.Layers ?? [];
  const found = names.map((name) => layers.get(name) ?? { size: 0, entries: 0 });
  return {
    layers: names,
    bytes: found.reduce((sum, l) => sum + l.size, 0),
    files: found.reduce((sum, l) => sum + l.entries, 0),
  };
}
