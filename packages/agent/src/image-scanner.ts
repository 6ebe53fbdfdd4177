/**
 * Scans images in process, through the engine's export, once per image ID: every container of
 * one image shares its SBOM, and an image is only read again once it left the memo.
 */
import { DiskLayerCache, findFormat, type Logger, scan } from "@lading/scanner";

/** What scanning an image gives the agent: the CycloneDX JSON text. */
export type ScanImage = (imageId: string) => Promise<string>;

/** Options of {@link createImageScanner}. */
export interface ImageScannerOptions {
  engineUrl: string;
  /** Where layer indexes are cached between scans. */
  layerCacheDir: string;
  toolVersion: string;
  logger: Logger;
  /** How many SBOMs to keep in memory. */
  keep?: number;
}

/**
 * A scanner that remembers the last few SBOMs by image ID. Two calls for one image at once share
 * one scan.
 */
export function createImageScanner(options: ImageScannerOptions): ScanImage {
  const keep = options.keep ?? 32;
  const memo = new Map<string, Promise<string>>();
  const layerCache = new DiskLayerCache({ dir: options.layerCacheDir });
  const cyclonedx = findFormat("cyclonedx-json").format;
  return (imageId) => {
    const known = memo.get(imageId);
    if (known) return known;
    const made = scanOnce(imageId).catch((err) => {
      memo.delete(imageId);
      throw err;
    });
    memo.set(imageId, made);
    while (memo.size > keep) memo.delete(memo.keys().next().value as string);
    return made;
  };

  async function scanOnce(imageId: string): Promise<string> {
    const started = Date.now();
    // TODO: the engine source streams the whole export and does not consult the layer cache, so
    // an image sharing base layers with one already scanned still has every layer read again.
    const result = await scan(`docker:${imageId}`, {
      engine: options.engineUrl,
      layerCache,
      logger: options.logger,
    });
    options.logger.info(
      { image: imageId, packages: result.packages.length, ms: Date.now() - started },
      "image scanned",
    );
    const context = { toolName: "lading", toolVersion: options.toolVersion, now: new Date() };
    return cyclonedx.write(result, context);
  }
}
