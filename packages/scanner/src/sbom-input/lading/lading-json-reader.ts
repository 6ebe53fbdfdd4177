import { SbomFormatError } from "../../errors.js";
import type { ScanResult } from "../../types.js";
import type { SbomReader } from "../types.js";
import { validateLadingJson } from "./validate.js";

/** The marker `format/json/json-format.ts` writes; a new major version gets a new reader. */
export const LADING_SCHEMA = "lading/scan-result@1";

/**
 * Lading's own JSON, written by `-o json`: the scan result as it was, so reading it back is
 * checking it and dropping the envelope (`schema`, `tool`, `created`).
 */
export const ladingJsonReader = {
  id: "json",
  detect: (document) =>
    typeof document.schema === "string" && document.schema.startsWith("lading/"),
  read(document, options) {
    if (document.schema !== LADING_SCHEMA) {
      throw new SbomFormatError(
        `/schema: ${JSON.stringify(document.schema)} is not read; readable: ${LADING_SCHEMA}`,
      );
    }
    if (options?.validate !== false) validateLadingJson(document);
    const { source, image, distro, packages, unknowns, timings } =
      document as unknown as ScanResult;
    return {
      source,
      ...(image ? { image } : {}),
      ...(distro ? { distro } : {}),
      packages,
      unknowns,
      timings: timings ?? {},
    };
  },
} satisfies SbomReader;
