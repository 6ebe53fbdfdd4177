/**
 * Connects the server to the scanner library's SBOM reader and vulnerability matcher. Both are
 * looked up on the library at start, so the server picks them up as soon as they are exported.
 */

import type { ScanResult } from "@lading/scanner";
import * as scanner from "@lading/scanner";
import { UnsupportedSbomError } from "../errors.js";
import { detectSbom } from "./detect.js";
import { fallbackReader } from "./fallback-reader.js";
import type { Matcher, SbomReader } from "./types.js";

const library = scanner as unknown as Record<string, unknown>;

/** The scanner's `readSbom(text)` when the library has one, else the stop-gap reader. */
export function scannerReader(): SbomReader {
  const readSbom = library.readSbom as ((text: string) => ScanResult) | undefined;
  if (typeof readSbom !== "function") return fallbackReader;
  return {
    read(text, document) {
      const kind = detectSbom(document);
      try {
        return { ...kind, result: readSbom(text) };
      } catch (error) {
        if (error instanceof scanner.LadingError)
          throw new UnsupportedSbomError(error.message, { cause: error });
        throw error;
      }
    },
  };
}

/**
 * A matcher with no vulnerability data: it finds nothing and never changes.
 * TODO: the scanner library's matcher and advisory database are not exported yet, so until
 * they are, every snapshot has no findings and the scheduled update never triggers a re-match.
 */
export const emptyMatcher: Matcher = {
  match: async () => [],
  update: async () => false,
};
