import { performance } from "node:perf_hooks";
import { distroDetector } from "./catalog/distro/distro.js";
import { markOsOwned } from "./catalog/os-owned.js";
import { catalogers as defaultCatalogers } from "./catalog/registry.js";
import type { CatalogContext, Cataloger } from "./catalog/types.js";
import { FileTree } from "./filetree/file-tree.js";
import type { CapturePolicy, LayerIndex } from "./filetree/types.js";
import { silentLogger } from "./logger.js";
import { capturePolicyKey } from "./source/cache/policy-key.js";
import { resolveSource } from "./source/registry.js";
import type { SourceOptions } from "./source/types.js";
import type { Distro, ImageMetadata, Package, ScanResult, Unknown } from "./types.js";

/** Options of {@link scan}. */
export interface ScanOptions extends SourceOptions {
  /** Catalogers to run instead of the default set. */
  catalogers?: readonly Cataloger[];
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
  const catalogers = options.catalogers ?? defaultCatalogers;
  const { source, target } = await resolveSource(reference);
  options.onProgress?.("open", `${source.kind}:${target}`);
  const opened = await source.open(target, options);
  try {
    options.onProgress?.("read");
    const indexes = await opened.index(createPolicy(catalogers));
    const readDone = performance.now();
    const tree = squash(indexes);
    options.onLayers?.(indexes);
    const image = opened.metadata;
    const unknowns: Unknown[] = indexes.flatMap((i) => i.unknowns);
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
    const packages = markOsOwned(await runCatalogers(catalogers, context, unknowns));
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

/** The union of what the distro detector and every cataloger want to read. */
function createPolicy(catalogers: readonly Cataloger[]): CapturePolicy {
  const all = [distroDetector, ...catalogers];
  return {
    wants: (path) => all.some((c) => c.wants(path)),
    maxSize: (path) => Math.max(...all.filter((c) => c.wants(path)).map((c) => c.maxFileSize)),
    keeps: (path, content) => all.some((c) => c.wants(path) && keepsOf(c)(path, content)),
    key: capturePolicyKey(all),
  };
}

/** A reader's second look at a wanted file's bytes; a reader without one keeps them all. */
function keepsOf(reader: Pick<Cataloger, "name" | "keeps">): NonNullable<Cataloger["keeps"]> {
  return reader.keeps?.bind(reader) ?? (() => true);
}

function squash(indexes: LayerIndex[]): FileTree {
  const tree = new FileTree();
  for (const index of indexes) tree.applyLayer(index);
  return tree;
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
