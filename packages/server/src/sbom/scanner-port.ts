/** Connects the server to the scanner library's SBOM reader. */
import { LadingError, readSbom } from "@lading/scanner";
import { UnsupportedSbomError } from "../errors.js";
import { detectSbom } from "./detect.js";
import type { SbomReader } from "./types.js";

/**
 * Reads uploads with the scanner's `readSbom`, after checking the format is one the server
 * takes. The upload route enforces its own size limit before this runs.
 */
export const scannerReader = {
  read(text, document, options) {
    const kind = detectSbom(document);
    try {
      return {
        ...kind,
        result: readSbom(text, {
          maxBytes: Number.POSITIVE_INFINITY,
          trusted: options?.trusted === true,
        }),
      };
    } catch (error) {
      if (error instanceof LadingError)
        throw new UnsupportedSbomError(error.message, { cause: error });
      throw error;
    }
  },
} satisfies SbomReader;
