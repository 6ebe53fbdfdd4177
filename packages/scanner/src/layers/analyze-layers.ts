import type { LayerIndex } from "../filetree/types.js";
import { type ScanOptions, scan } from "../scan.js";
import { buildLayersReport, type LayersReportOptions } from "./build-report.js";
import type { LayersReport } from "./types.js";

/** Options of {@link analyzeLayers}: a scan's options and the report's. */
export interface AnalyzeLayersOptions extends ScanOptions, LayersReportOptions {}

/**
 * Scans an image (or directory) and reports where its bytes went, layer by layer. The scan runs
 * its catalogers too, so that each layer lists the packages it brought. A host that wants the
 * scan result as well calls {@link scan} with `onLayers` and {@link buildLayersReport} itself.
 */
export async function analyzeLayers(
  reference: string,
  options: AnalyzeLayersOptions = {},
): Promise<LayersReport> {
  let indexes: readonly LayerIndex[] = [];
  const result = await scan(reference, {
    ...options,
    onLayers: (read) => {
      indexes = read;
      options.onLayers?.(read);
    },
  });
  const { source, image, packages } = result;
  return buildLayersReport({ source, image, packages, indexes }, options);
}
