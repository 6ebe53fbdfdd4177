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
  const path = normalizeEntryPath(header.name);
  const size = header.size ?? 0;
  index.bytes += size;
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
  index.captured.set(path, Buffer.concat(chunks));
}

/** The path of `name` in the same directory as `path`. */
function siblingPath(path: string, name: string): string {
  const dir = parentPath(path);
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}
