import type { Readable } from "node:stream";
import { decompress } from "./decompress.js";
import { baseName, normalizeEntryPath, parentPath } from "./paths.js";
import { type TarEntry, TarParser, type TarVisitor } from "./tar/tar-parser.js";
import type { CapturePolicy, LayerEntry, LayerIndex } from "./types.js";

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

function entryType(flag: string): LayerEntry["type"] | undefined {
  switch (flag) {
    case "0":
    case "\0":
    case "7":
      return "file";
    case "5":
      return "dir";
    case "2":
      return "symlink";
    case "1":
      return "hardlink";
    case "3":
    case "4":
    case "6":
      return "other";
    default:
      return undefined;
  }
}

/** A tar parser feeding one layer's index, and the wait for what its readers hold of files. */
export interface LayerParser {
  parser: TarParser;
  /**
   * Resolves once every kept file's record is in the index (a reader may make its record of a
   * file after the file has gone by); the index is complete only then.
   */
  settled(): Promise<void>;
}

/**
 * A tar parser that records a layer's entries, whiteouts and the bytes of the files `policy`
 * asks for into `index`. Push the layer's uncompressed bytes into it (see {@link readLayerTar}
 * for a stream); a seeking reader may skip what it says is skippable. Await `settled` after the
 * last byte.
 */
export function createLayerParser(
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
): LayerParser {
  const pending: Promise<void>[] = [];
  const parser = new TarParser(layerVisitor(index, policy, layerLabel, pending));
  return {
    parser,
    settled: async () => {
      await Promise.all(pending);
    },
  };
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
  const { parser, settled } = createLayerParser(index, policy, layerLabel);
  try {
    for await (const chunk of tar) {
      parser.push(chunk as Buffer);
      // Bytes after the end-of-archive blocks are padding, not entries.
      if (parser.ended) break;
    }
    parser.end();
  } catch (err) {
    recordBrokenLayer(index, layerLabel, err as Error);
  }
  await settled();
  return index;
}

/**
 * Reads a layer blob as stored: decompressed by what its first bytes say (gzip, zstd or none),
 * then parsed as {@link readLayerTar} does. A blob that cannot be decompressed becomes an
 * unknown naming the layer, as a tar that cannot be read does.
 */
export async function readStoredLayer(
  blob: Readable,
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
): Promise<void> {
  try {
    const { stream } = await decompress(blob);
    await readLayerTar(stream, index, policy, layerLabel);
  } catch (err) {
    index.unknowns.push({
      path: "/",
      layer: layerLabel,
      reason: `layer could not be decompressed: ${(err as Error).message}`,
    });
  }
}

/** Records why a layer could not be read to its end; what was read before stays. */
export function recordBrokenLayer(index: LayerIndex, layerLabel: string, err: Error): void {
  index.unknowns.push({
    path: "/",
    layer: layerLabel,
    reason: `layer could not be read to its end: ${err.message}`,
  });
}

function layerVisitor(
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
  pending: Promise<void>[],
): TarVisitor {
  /** The latest entry number of each captured path: a record made late must not undo a later copy. */
  const latest = new Map<string, number>();
  let entries = 0;
  return {
    entry: (entry) => recordEntry(entry, index, policy, layerLabel),
    head(entry, head) {
      if (policy.keepsHead === undefined) return true;
      return policy.keepsHead(normalizeEntryPath(entry.name) as string, head);
    },
    body(entry, content) {
      const path = normalizeEntryPath(entry.name) as string;
      const kept = policy.keep === undefined ? content : policy.keep(path, content);
      const number = ++entries;
      latest.set(path, number);
      const hold = (bytes: Buffer | undefined) => {
        if (latest.get(path) !== number) return;
        if (bytes === undefined) index.captured.delete(path);
        else index.captured.set(path, bytes);
      };
      if (kept instanceof Promise) pending.push(kept.then(hold));
      else hold(kept);
    },
  };
}

/** Records one entry; true when its bytes are to be kept. */
function recordEntry(
  entry: TarEntry,
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
): boolean {
  const path = normalizeEntryPath(entry.name);
  index.bytes += entry.size;
  if (path === null) {
    index.unknowns.push({
      path: entry.name,
      layer: layerLabel,
      reason: "entry path climbs above the image root; skipped",
    });
    return false;
  }
  const name = baseName(path);
  if (name.startsWith(WHITEOUT_PREFIX)) {
    if (name === OPAQUE_MARKER) index.opaqueDirs.push(parentPath(path));
    else index.whiteouts.push(siblingPath(path, name.slice(WHITEOUT_PREFIX.length)));
    return false;
  }
  const type = entryType(entry.flag);
  if (entry.sparseSize !== undefined || type === undefined) {
    recordUnreadable(entry, path, index, layerLabel);
    return false;
  }
  let linkTarget: string | undefined = entry.linkName || undefined;
  if (type === "hardlink" && linkTarget !== undefined) {
    linkTarget = normalizeEntryPath(linkTarget) ?? undefined;
  }
  index.entries.push({ path, type, size: entry.size, mode: entry.mode, linkTarget });
  return (
    type === "file" &&
    policy.wants(path) &&
    withinLimit(path, entry.size, index, policy, layerLabel)
  );
}

function withinLimit(
  path: string,
  size: number,
  index: LayerIndex,
  policy: CapturePolicy,
  layerLabel: string,
): boolean {
  const limit = policy.maxSize(path);
  if (size <= limit) return true;
  index.unknowns.push({
    path,
    layer: layerLabel,
    reason: `file is ${size} bytes, over the ${limit}-byte read limit; not read`,
  });
  return false;
}

/**
 * Records a sparse file (old GNU `S`, or the pax formats GNU tar writes,
 * https://www.gnu.org/software/tar/manual/html_node/Sparse-Formats.html), or an entry of a type
 * the reader does not know, as present but unread: a sparse body holds the data without its
 * holes (and, in pax 1.0, a block map first), not the file.
 */
function recordUnreadable(
  entry: TarEntry,
  path: string,
  index: LayerIndex,
  layerLabel: string,
): void {
  const sparse = entry.sparseSize !== undefined;
  const size = entry.sparseSize ?? entry.size;
  index.entries.push({ path, type: sparse ? "file" : "other", size, mode: entry.mode });
  const reason = sparse
    ? `sparse file of ${size} bytes; not read`
    : `entry of a type the reader does not know (${JSON.stringify(entry.flag)}); not read`;
  index.unknowns.push({ path, layer: layerLabel, reason });
}

/** The path of `name` in the same directory as `path`. */
function siblingPath(path: string, name: string): string {
  const dir = parentPath(path);
  return dir === "/" ? `/${name}` : `${dir}/${name}`;
}
