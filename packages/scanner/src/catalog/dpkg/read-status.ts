import type { FileTree } from "../../filetree/file-tree.js";
import type { CapturedFile } from "../../filetree/types.js";
import type { Location, Package, Unknown } from "../../types.js";
import { attributeLayers } from "../layer-attribution.js";
import type { CatalogContext, CatalogResult } from "../types.js";
import { type Flavour, toPackage } from "./package.js";
import { parseControl, parseFileList } from "./parse-control.js";
import { type DpkgRecord, readRecord, recordKey } from "./record.js";

/** A status database and the directory of its per-package file lists. */
export interface StatusDb {
  path: string;
  infoDir: string;
}

interface ReadParagraphs {
  records: DpkgRecord[];
  broken: string[];
}

/** Reads every paragraph of a status file into installed records and reasons for broken ones. */
export function readStatusFile(content: Buffer, statusRequired: boolean): ReadParagraphs {
  const result: ReadParagraphs = { records: [], broken: [] };
  for (const paragraph of parseControl(content.toString("utf8"))) {
    const read = readRecord(paragraph, statusRequired);
    if (read.kind === "package") result.records.push(read.record);
    else if (read.kind === "broken") result.broken.push(read.reason);
  }
  return result;
}

/**
 * Catalogs one status database (`/var/lib/dpkg/status`, `/var/lib/opkg/status`). Each package
 * is attributed to the layer from which its name, architecture and version have been in the
 * database ever since, not to the layer that last rewrote the file.
 */
export function catalogStatusDb(
  context: CatalogContext,
  flavour: Flavour,
  db: StatusDb,
): CatalogResult {
  const versions = context.tree.versions(db.path);
  const newest = versions.at(-1);
  if (newest === undefined) return { packages: [], unknowns: [] };
  const dbLocation: Location = { path: db.path, layer: context.layerId(newest.layerIndex) };
  const { records, broken } = readStatusFile(newest.content, true);
  const keysOf = (c: Buffer) => new Set(readStatusFile(c, true).records.map(recordKey));
  const owners = attributeLayers(versions, keysOf, records.map(recordKey));
  const packages = records.map((record) => {
    const owned = ownedFiles(context.tree, db.infoDir, record);
    const layerIndex = owners.get(recordKey(record)) ?? newest.layerIndex;
    return toPackage(record, flavour, {
      locations: [dbLocation, ...owned.locations.map((l) => withLayer(l, context))],
      layer: context.layerId(layerIndex),
      files: owned.files,
      distro: context.distro,
    });
  });
  return { packages, unknowns: brokenUnknowns(broken, dbLocation, flavour) };
}

/**
 * Catalogs distroless `status.d/` files: one file per package (sometimes several paragraphs),
 * written by the layer that installed it, with its file list in `<name>.md5sums` beside it.
 */
export function catalogStatusDir(
  context: CatalogContext,
  flavour: Flavour,
  dir: string,
): CatalogResult {
  const result: CatalogResult = { packages: [], unknowns: [] };
  for (const file of context.tree.capturedFiles()) {
    if (!file.path.startsWith(`${dir}/`) || file.path.endsWith(".md5sums")) continue;
    const partial = catalogStatusDirFile(context, flavour, file);
    result.packages.push(...partial.packages);
    result.unknowns.push(...partial.unknowns);
  }
  return result;
}

function catalogStatusDirFile(
  context: CatalogContext,
  flavour: Flavour,
  file: CapturedFile,
): CatalogResult {
  const location: Location = { path: file.path, layer: context.layerId(file.layerIndex) };
  const { records, broken } = readStatusFile(file.content, false);
  const packages: Package[] = records.map((record) => {
    const sums = [`${file.path}.md5sums`, `${parentDir(file.path)}/${record.name}.md5sums`];
    const owned = firstFileList(context.tree, records.length === 1 ? sums : sums.slice(1), true);
    return toPackage(record, flavour, {
      locations: [location, ...owned.locations.map((l) => withLayer(l, context))],
      layer: location.layer,
      files: mergeFiles(owned.files, record.conffiles),
      distro: context.distro,
    });
  });
  return { packages, unknowns: brokenUnknowns(broken, location, flavour) };
}

interface OwnedFiles {
  files: string[];
  /** Where the list came from; `layer` holds the layer index until `withLayer`. */
  locations: { path: string; layerIndex: number }[];
}

/** The files a package owns: its `.list` (all paths), else its `.md5sums` (regular files). */
function ownedFiles(tree: FileTree, infoDir: string, record: DpkgRecord): OwnedFiles {
  const stems = record.arch
    ? [`${infoDir}/${record.name}:${record.arch}`, `${infoDir}/${record.name}`]
    : [`${infoDir}/${record.name}`];
  const list = firstFileList(
    tree,
    stems.map((s) => `${s}.list`),
    false,
  );
  const owned =
    list.files.length > 0
      ? list
      : firstFileList(
          tree,
          stems.map((s) => `${s}.md5sums`),
          true,
        );
  return { files: mergeFiles(owned.files, record.conffiles), locations: owned.locations };
}

function firstFileList(tree: FileTree, paths: string[], withDigests: boolean): OwnedFiles {
  for (const path of paths) {
    const version = tree.versions(path).at(-1);
    if (version === undefined) continue;
    const files = parseFileList(version.content.toString("utf8"), withDigests);
    return { files, locations: [{ path, layerIndex: version.layerIndex }] };
  }
  return { files: [], locations: [] };
}

function mergeFiles(files: string[], conffiles: string[]): string[] {
  return conffiles.length === 0 ? files : [...new Set([...files, ...conffiles])];
}

function withLayer(place: { path: string; layerIndex: number }, context: CatalogContext): Location {
  return { path: place.path, layer: context.layerId(place.layerIndex) };
}

function brokenUnknowns(reasons: string[], at: Location, flavour: Flavour): Unknown[] {
  return reasons.map((reason) => ({ ...at, cataloger: flavour.cataloger, reason }));
}

function parentDir(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}
