/**
 * Builds file trees for cataloger tests from fixture directories, one directory (or set of
 * files) per layer, exactly as a scan would: a LayerIndex per layer, squashed in order.
 * Only files the cataloger under test wants and keeps are captured, so `wants` and `keeps` are
 * exercised too; `catalogLayers` holds each as the cataloger's `condense` records it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { FileTree } from "../filetree/file-tree.js";
import { createLayerIndex } from "../filetree/layer-reader.js";
import type { LayerIndex } from "../filetree/types.js";
import { silentLogger } from "../logger.js";
import type { Distro, Package } from "../types.js";
import type { CatalogContext, CatalogResult, Kept } from "./types.js";

/** One test layer: fixture directories laid at the root, extra files, and deletions. */
export interface TestLayer {
  /** Directories whose contents are copied to the image root. */
  dirs?: string[];
  /** Image path → content (a string, a Buffer, or `{ from: fixture file }`). */
  files?: Record<string, string | Buffer | { from: string }>;
  /** Image paths this layer deletes (whiteouts). */
  whiteouts?: string[];
}

/** Anything with a path predicate: a cataloger or the distro detector. */
export interface Wanting {
  wants(path: string): boolean;
  keeps?(path: string, content: Buffer): boolean;
  condense?(path: string, content: Buffer): Kept | Promise<Kept>;
}

/** The diff ID the test helpers give layer `index`. */
export function testLayerId(index: number): string {
  return `sha256:${createHash("sha256").update(`layer ${index}`).digest("hex")}`;
}

/**
 * Squashes the layers into a tree, capturing the files `wanting` asks for and keeps, whole:
 * what a directory scan's catalogers see when no reader condenses (see {@link catalogLayers}).
 */
export function buildTree(layers: TestLayer[], wanting: Wanting): FileTree {
  const tree = new FileTree();
  layers.forEach((layer, i) => {
    tree.applyLayer(indexLayer(layer, i, wanting));
  });
  return tree;
}

/** As {@link buildTree}, holding each kept file as its reader condenses it, as a scan does. */
export async function buildCondensedTree(layers: TestLayer[], wanting: Wanting): Promise<FileTree> {
  const tree = new FileTree();
  for (const [i, layer] of layers.entries()) {
    const index = indexLayer(layer, i, wanting);
    for (const [path, content] of index.captured) {
      const record = await wanting.condense?.(path, content);
      if (record !== undefined) index.captured.set(path, record);
    }
    tree.applyLayer(index);
  }
  return tree;
}

/** A catalog context over `tree` in image mode, with the helpers' layer IDs. */
export function testContext(tree: FileTree, distro?: Distro): CatalogContext {
  return { tree, distro, layerId: testLayerId, mode: "image", logger: silentLogger };
}

/** Builds the tree as a scan of an image would (files condensed) and runs a cataloger over it. */
export async function catalogLayers(
  cataloger: Wanting & { catalog(c: CatalogContext): CatalogResult | Promise<CatalogResult> },
  layers: TestLayer[],
  distro?: Distro,
): Promise<CatalogResult> {
  return cataloger.catalog(testContext(await buildCondensedTree(layers, cataloger), distro));
}

function indexLayer(layer: TestLayer, layerIndex: number, wanting: Wanting): LayerIndex {
  const index = createLayerIndex(layerIndex);
  index.whiteouts.push(...(layer.whiteouts ?? []));
  for (const dir of layer.dirs ?? []) addDir(index, dir, "", wanting);
  for (const [path, content] of Object.entries(layer.files ?? {})) {
    addFile(index, path, toBuffer(content), wanting);
  }
  return index;
}

function addDir(index: LayerIndex, root: string, prefix: string, wanting: Wanting): void {
  for (const name of readdirSync(join(root, prefix)).sort()) {
    const rel = `${prefix}/${name}`;
    if (statSync(join(root, rel)).isDirectory()) {
      index.entries.push({ path: rel, type: "dir", size: 0, mode: 0o755 });
      addDir(index, root, rel, wanting);
    } else {
      addFile(index, rel, readFileSync(join(root, rel)), wanting);
    }
  }
}

function addFile(index: LayerIndex, path: string, content: Buffer, wanting: Wanting): void {
  index.entries.push({ path, type: "file", size: content.length, mode: 0o644 });
  if (!wanting.wants(path) || wanting.keeps?.(path, content) === false) return;
  index.captured.set(path, content);
}

function toBuffer(content: string | Buffer | { from: string }): Buffer {
  if (typeof content === "string") return Buffer.from(content);
  if (Buffer.isBuffer(content)) return content;
  return readFileSync(content.from);
}

/** One expected package as a corpus `expected.json` writes it. */
export interface ExpectedPackage {
  name: string;
  version: string | null;
  type: string;
  [field: string]: unknown;
}

/** Reads a corpus `expected.json`. */
export function readExpected(path: string): ExpectedPackage[] {
  return JSON.parse(readFileSync(path, "utf8")) as ExpectedPackage[];
}

/** How each field an expectation may assert is read from a package. */
export type FieldReaders = Record<string, (pkg: Package) => unknown>;

/** Readers for the fields the OS package expectations use. */
export const osFieldReaders: FieldReaders = {
  arch: (p) => p.arch,
  source_name: (p) => p.source?.name ?? "",
  source_version: (p) => p.source?.version,
  purl: (p) => p.purl,
  epoch: (p) => p.epoch ?? null,
};

/**
 * Puts packages and expectations side by side for `toEqual`: both sorted by name and version,
 * each package reduced to the fields its expectation asserts (upstream tests assert different
 * fields, so only those are compared).
 */
export function sideBySide(
  packages: Package[],
  expected: ExpectedPackage[],
  readers: FieldReaders = osFieldReaders,
): { got: Record<string, unknown>[]; want: Record<string, unknown>[] } {
  const order = (a: { name: string; version: unknown }, b: { name: string; version: unknown }) =>
    a.name.localeCompare(b.name) || String(a.version).localeCompare(String(b.version));
  const want = [...expected].sort(order);
  const got = [...packages].sort(order).map((pkg, i) => {
    const fields: Record<string, unknown> = {
      name: pkg.name,
      version: pkg.version,
      type: pkg.type,
    };
    for (const key of Object.keys(want[i] ?? {})) {
      const read = readers[key];
      if (read) fields[key] = read(pkg);
    }
    return fields;
  });
  return { got, want };
}
