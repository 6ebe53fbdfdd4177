import type { Readable } from "node:stream";
import { extract as createExtract, type Header } from "tar-stream";
import { baseName, normalizeEntryPath, parentPath } from "./paths.js";
import type { CapturePolicy, LayerEntry, LayerIndex } from "./types.js";

/** The body of one tar entry: read it to the end, or resume it to skip it. */
type EntryBody = AsyncIterable<unknown> & { resume(): unknown };

const WHITEOUT_PREFIX = ".wh.";
const OPAQUE_MARKER = ".wh..wh..opq";

/** Builds an empty index for layer `layerIndex`. */
export function createLayerIndex(layerIndex: number): LayerIndex {
  return {
    layerIndex,
    entries: [],
    whiteouts: [],
    opaqueDirs: [],
    captured: new Map(),
    unknowns: [],
    bytes: 0,
  };
}

function entryType(header: Header): LayerEntry["type"] {
  switch (header.type) {
    case "file":
    case "contiguous-file":
      return "file";
    case "directory":
      return "dir";
    case "symlink":
      return "symlink";
    case "link":
      return "hardlink";
    default:
      return "other";
  }
}

/**
 * Streams an uncompressed layer tar once and records its entries, whiteouts and the bytes of the
 * files `policy` asks for. A tar that breaks off or is corrupt does not throw: what was read is
 * kept and the failure becomes an unknown naming the layer, so one bad layer cannot sink a scan.
 */
export async function readLayerTar(
  tar: Readable,
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
): Promise<LayerIndex> {
  const extract = createExtract();
  tar.on("error", (err) => extract.destroy(err));
  tar.pipe(extract);
  try {
    for await (const entry of extract) {
      await recordEntry(entry.header, entry, index, policy, layerLabel);
    }
  } catch (err) {
    index.unknowns.push({
      path: "/",
      layer: layerLabel,
      reason: `layer could not be read to its end: ${(err as Error).message}`,
    });
  }
  return index;
}

async function recordEntry(
  header: Header,
  body: EntryBody,
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
): Promise<void> {
  const sparse = sparseFile(header);
  const path = normalizeEntryPath(sparse?.name ?? header.name);
  const size = sparse?.size ?? header.size ?? 0;
  index.bytes += header.size ?? 0;
  if (path === null) {
    index.unknowns.push({
      path: header.name,
      layer: layerLabel,
      reason: "entry path climbs above the image root; skipped",
    });
    body.resume();
    return;
  }
  const name = baseName(path);
  if (name.startsWith(WHITEOUT_PREFIX)) {
    if (name === OPAQUE_MARKER) index.opaqueDirs.push(parentPath(path));
    else index.whiteouts.push(siblingPath(path, name.slice(WHITEOUT_PREFIX.length)));
    body.resume();
    return;
  }
  if (sparse !== undefined || header.type === null) {
    recordUnreadable(header, path, size, index, layerLabel, sparse !== undefined);
    body.resume();
    return;
  }
  const type = entryType(header);
  let linkTarget: string | undefined = header.linkname ?? undefined;
  if (type === "hardlink" && linkTarget !== undefined) {
    linkTarget = normalizeEntryPath(linkTarget) ?? undefined;
  }
  index.entries.push({ path, type, size, mode: header.mode ?? 0, linkTarget });
  if (type === "file" && policy.wants(path)) {
    await captureFile(body, path, size, index, policy, layerLabel);
    return;
  }
  body.resume();
}

async function captureFile(
  body: EntryBody,
  path: string,
  size: number,
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
): Promise<void> {
  const limit = policy.maxSize(path);
  if (size > limit) {
    index.unknowns.push({
      path,
      layer: layerLabel,
      reason: `file is ${size} bytes, over the ${limit}-byte read limit; not read`,
    });
    body.resume();
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  const content = Buffer.concat(chunks);
  if (policy.keeps?.(path, content) === false) return;
  index.captured.set(path, content);
}

/**
 * A sparse file in the PAX formats GNU tar writes (`GNU.sparse.*` records,
 * https://www.gnu.org/software/tar/manual/html_node/Sparse-Formats.html): its real name and
 * size. Its body holds a block map, not the file, so it is never read.
 */
function sparseFile(header: Header): { name: string; size: number } | undefined {
  const pax = header.pax as Record<string, string> | null | undefined;
  const realSize = pax?.["GNU.sparse.realsize"] ?? pax?.["GNU.sparse.size"];
  if (pax === undefined || pax === null || realSize === undefined) return undefined;
  return { name: pax["GNU.sparse.name"] ?? header.name, size: Number.parseInt(realSize, 10) || 0 };
}

/**
 * Records a sparse file, or an entry of a type tar-stream does not know (the old GNU sparse
 * type `S` among them), as present but unread.
 * TODO: an old-GNU sparse entry with more than four holes carries extension blocks that
 * tar-stream takes for headers, so the rest of that layer is lost (an unknown says so).
 * Supporting it needs a tar parser that reads the `isextended` flag.
 */
function recordUnreadable(
  header: Header,
  path: string,
  size: number,
  index: LayerIndex,
  layerLabel: string,
  sparse: boolean,
): void {
  const type = sparse ? "file" : "other";
  index.entries.push({ path, type, size, mode: header.mode ?? 0 });
  const reason = sparse
    ? `sparse file of ${size} bytes; not read`
    : "entry of a type the reader does not know (GNU sparse or a vendor extension); not read";
  index.unknowns.push({ path, layer: layerLabel, reason });
}

/** The path of `name` in the same directory as `path`. */
function siblingPath(path: string, name: string): string {
  const dir = parentPath(path);
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}
