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
    // TODO: readSbom takes only text, so it parses the document again that the caller parsed to
    // detect its format: a second JSON.parse (about 2 ms per 350 KiB document) on every upload
    // and every re-read of a stored copy. Needs a scanner entry point that takes the parsed value.
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
