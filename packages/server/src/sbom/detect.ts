import { UnsupportedSbomError } from "../errors.js";
import type { SbomFormat } from "./types.js";

const cyclonedxVersions = ["1.4", "1.5", "1.6"];
const spdxVersions = ["SPDX-2.3"];

/**
 * Names the format and spec version of a parsed JSON document, or throws for anything other
 * than CycloneDX 1.4–1.6 or SPDX 2.3 JSON.
 */
export function detectSbom(document: unknown): { format: SbomFormat; specVersion: string } {
  if (typeof document !== "object" || document === null || Array.isArray(document))
    throw new UnsupportedSbomError("the body is not a JSON object");
  const doc = document as Record<string, unknown>;
  if (doc.bomFormat === "CycloneDX")
    return checked("cyclonedx", doc.specVersion, cyclonedxVersions);
  if (typeof doc.spdxVersion === "string") return checked("spdx", doc.spdxVersion, spdxVersions);
  throw new UnsupportedSbomError("neither a CycloneDX nor an SPDX JSON document");
}

function checked(format: SbomFormat, version: unknown, supported: string[]) {
  if (typeof version !== "string" || !supported.includes(version))
    throw new UnsupportedSbomError(
      `${format} version ${String(version)} is not supported (use ${supported.join(", ")})`,
    );
  return { format, specVersion: version };
}
