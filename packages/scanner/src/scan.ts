import { performance } from "node:perf_hooks";
import { createCapturePolicy, portableCatalogers } from "./capture-policy.js";
import { distroDetector } from "./catalog/distro/distro.js";
import { mergeLockfileDuplicates } from "./catalog/merge-lockfile-duplicates.js";
import { markOsOwned } from "./catalog/os-owned.js";
import { catalogers as defaultCatalogers } from "./catalog/registry.js";
import type { CatalogContext, Cataloger } from "./catalog/types.js";
import { FileTree } from "./filetree/file-tree.js";
import type { CapturePolicy, LayerIndex } from "./filetree/types.js";
import { silentLogger } from "./logger.js";
import { resolveSource } from "./source/registry.js";
import type { OpenedSource, SourceOptions } from "./source/types.js";
import type { Distro, ImageMetadata, Package, ScanResult, Unknown } from "./types.js";

/** Options of {@link scan}. */
export interface ScanOptions extends SourceOptions {
  /**
   * Catalogers to run instead of the default set. Layers are read in worker threads only when
   * each is the registry's own (functions cannot cross threads); for another list, give
   * `catalogerModule` instead, or layers are read on the calling thread.
   */
  catalogers?: readonly Cataloger[];
  /**
   * URL of an ES module whose `catalogers` export is the list to run, taking precedence over
   * `catalogers`: worker threads load it again, so custom catalogers read layers on every core.
   */
  catalogerModule?: string;
  /** Called as phases start, for progress display. */
  onProgress?: (phase: string, detail?: string) => void;
  /**
   * Called once with every layer's index, bottom first, once the layers are squashed: for
   * analyses of the layers themselves (sizes, waste), which need what squashing hides.
   */
  onLayers?: (indexes: readonly LayerIndex[]) => void;
}

/**
 * Scans an image or directory: reads each layer once, squashes them, detects the distro and
 * runs every cataloger. A reference is `kind:target` (`docker-archive:img.tar`) or a bare path.
 */
export async function scan(reference: string, options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const logger = options.logger ?? silentLogger;
  const catalogers = await chooseCatalogers(options);
  const { source, target } = await resolveSource(reference);
  options.onProgress?.("open", `${source.kind}:${target}`);
  const opened = await source.open(target, options);
  try {
    options.onProgress?.("read");
    const portable = portableCatalogers(catalogers, options.catalogerModule);
    const policy = createCapturePolicy(catalogers, portable);
    const { tree, unknowns } = await readAndSquash(opened, policy, options.onLayers);
    const readDone = performance.now();
    const image = opened.metadata;
    const distro = distroDetector.detect(tree);
    const context: CatalogContext = {
      tree,
      distro,
      image,
      layerId: (i) => image?.layers[i]?.diffId,
      mode: image ? "image" : "directory",
      logger,
    };
    options.onProgress?.("catalog");
    // Flag language packages an OS package installed, so they are counted once.
    const cataloged = await runCatalogers(catalogers, context, unknowns);
    const packages = markOsOwned(mergeLockfileDuplicates(cataloged));
    const done = performance.now();
    return {
      source: { kind: source.kind, target },
      image,
      distro,
      packages: sortPackages(packages),
      unknowns,
      timings: {
        read: Math.round(readDone - started),
        catalog: Math.round(done - readDone),
        total: Math.round(done - started),
      },
    };
  } finally {
    await opened.close();
  }
}

/** The catalogers a scan runs: from `catalogerModule`, `catalogers`, or the registry. */
async function chooseCatalogers(options: ScanOptions): Promise<readonly Cataloger[]> {
  if (options.catalogerModule === undefined) return options.catalogers ?? defaultCatalogers;
  const loaded = (await import(options.catalogerModule)) as { catalogers?: readonly Cataloger[] };
  if (!Array.isArray(loaded.catalogers)) {
    throw new TypeError(`${options.catalogerModule} exports no \`catalogers\` list`);
  }
  return loaded.catalogers;
}

/**
 * Reads the layers and squashes them bottom first, each as soon as it is read and those below
 * it are applied, so that a layer's index is dropped once applied; all are held only for
 * `onLayers`, which needs them. Unknowns are gathered after squashing, which adds its own.
 */
async function readAndSquash(
  opened: OpenedSource,
  policy: CapturePolicy,
  onLayers: ScanOptions["onLayers"],
): Promise<{ tree: FileTree; unknowns: Unknown[] }> {
  const tree = new FileTree();
  const unknowns: Unknown[] = [];
  const apply = (index: LayerIndex) => {
    tree.applyLayer(index);
    unknowns.push(...index.unknowns);
  };
  const indexes = await opened.index(policy, onLayers ? undefined : apply);
  for (const index of indexes) apply(index);
  onLayers?.(indexes);
  return { tree, unknowns };
}

/** Runs each cataloger; one that throws becomes an unknown instead of failing the scan. */
async function runCatalogers(
  catalogers: readonly Cataloger[],
  context: CatalogContext,
  unknowns: Unknown[],
): Promise<Package[]> {
  const packages: Package[] = [];
  for (const cataloger of catalogers) {
    try {
      const result = await cataloger.catalog(context);
      packages.push(...result.packages);
      unknowns.push(...result.unknowns);
    } catch (err) {
      unknowns.push({
        path: "/",
        cataloger: cataloger.name,
        reason: `cataloger failed: ${(err as Error).message}`,
      });
      context.logger.warn({ cataloger: cataloger.name, err }, "cataloger failed");
    }
  }
  return packages;
}

function sortPackages(packages: Package[]): Package[] {
  return packages.sort((a, b) =>
    a.type === b.type
      ? a.name.localeCompare(b.name) || a.version.localeCompare(b.version)
      : a.type.localeCompare(b.type),
  );
}

export type { Distro, ImageMetadata };
