import { performance } from "node:perf_hooks";
import { SbomFormatError, SbomTooLargeError } from "../errors.js";
import type { ScanResult } from "../types.js";
import { sbomReaders } from "./registry.js";

/** Options of {@link readSbom}. */
export interface ReadSbomOptions {
  /** Largest document read, in bytes (UTF-8); larger ones are refused unparsed. */
  maxBytes?: number;
  /**
   * Skips the schema validation: only for a document this program validated before (a copy it
   * stored after reading it with validation). Format detection and conversion still run.
   */
  trusted?: boolean;
}

/** Default size limit: 64 MiB holds SBOMs of images with tens of thousands of packages. */
export const DEFAULT_MAX_SBOM_BYTES = 64 * 1024 * 1024;

/**
 * Deepest nesting of objects and arrays read. Real SBOMs nest a few dozen levels at most
 * (components inside components); the schema check and the readers recurse once per level, so
 * a document a thousand levels deep would overflow the stack instead of being refused.
 */
export const MAX_SBOM_DEPTH = 256;

/**
 * Reads an SBOM into a scan result: CycloneDX JSON 1.4–1.6, SPDX JSON 2.2–2.3 or Lading's JSON,
 * as Lading, syft, Trivy, cdxgen and others write them. The text is parsed once, its format
 * detected, validated against the official schema and converted.
 *
 * @throws SbomTooLargeError when the document exceeds `maxBytes`, before parsing.
 * @throws SbomFormatError when it is not JSON, nests deeper than {@link MAX_SBOM_DEPTH}, is not
 *   a format read, or is invalid; the message names the first problem as `path: reason`.
 */
export function readSbom(text: string | Buffer, options: ReadSbomOptions = {}): ScanResult {
  const started = performance.now();
  checkSize(text, options.maxBytes ?? DEFAULT_MAX_SBOM_BYTES);
  const document = parseJson(text);
  checkDepth(document);
  const reader = sbomReaders.find((r) => r.detect(document));
  if (!reader) {
    throw new SbomFormatError(
      "/: not a recognised SBOM: expected CycloneDX JSON (bomFormat), SPDX JSON (spdxVersion) or Lading JSON (schema)",
    );
  }
  const result = reader.read(document, { validate: options.trusted !== true });
  return {
    ...result,
    timings: { ...result.timings, sbomRead: Math.round(performance.now() - started) },
  };
}

function checkSize(text: string | Buffer, maxBytes: number): void {
  const size = typeof text === "string" ? Buffer.byteLength(text, "utf8") : text.byteLength;
  if (size > maxBytes) {
    throw new SbomTooLargeError(`SBOM is ${size} bytes; the limit is ${maxBytes} bytes`);
  }
}

function parseJson(text: string | Buffer): Record<string, unknown> {
  let document: unknown;
  try {
    document = JSON.parse(typeof text === "string" ? text : text.toString("utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SbomFormatError(
      `not JSON (${reason}); CycloneDX XML and SPDX tag-value are not read`,
      {
        cause: error,
      },
    );
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new SbomFormatError("/: an SBOM must be a JSON object");
  }
  return document as Record<string, unknown>;
}

/** Walks the document without recursion, so that its depth cannot overflow the stack here. */
function checkDepth(document: object): void {
  const pending: [object, number][] = [[document, 1]];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, depth] = next;
    if (depth > MAX_SBOM_DEPTH)
      throw new SbomFormatError(`/: nests objects and arrays deeper than ${MAX_SBOM_DEPTH} levels`);
    for (const child of Array.isArray(value) ? value : Object.values(value))
      if (child !== null && typeof child === "object") pending.push([child, depth + 1]);
  }
}
