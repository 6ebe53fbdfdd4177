import type { ScanResult } from "../types.js";

/**
 * One SBOM format Lading reads back, per folder under `sbom-input/`, listed in
 * `sbom-input/registry.ts`. The document is parsed JSON; the reader never sees raw text.
 */
export interface SbomReader {
  /** Name of the format, as `-o` spells the writer of the same format. */
  readonly id: string;
  /** Cheap test on the document's top-level markers; true claims the document. */
  detect(document: Record<string, unknown>): boolean;
  /**
   * Validates the document against its format's schema, then converts it. Throws
   * `SbomFormatError` naming the first problem; well-formed fields it does not use are ignored.
   */
  read(document: Record<string, unknown>, options?: SbomReadOptions): ScanResult;
}

/** How a reader treats one document. */
export interface SbomReadOptions {
  /**
   * False skips the schema validation, for a document already validated once (a server reading
   * back the copy it stored at upload); anything else validates. Conversion still runs.
   */
  validate?: boolean;
}
