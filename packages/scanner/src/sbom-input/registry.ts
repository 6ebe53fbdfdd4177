import { cyclonedxJsonReader } from "./cyclonedx/cyclonedx-reader.js";
import { ladingJsonReader } from "./lading/lading-json-reader.js";
import { spdxJsonReader } from "./spdx/spdx-reader.js";
import type { SbomReader } from "./types.js";

/**
 * Every SBOM format Lading reads, one per folder under `sbom-input/`. The first whose
 * `detect` claims a document reads it; each looks at a marker only its format has.
 */
export const sbomReaders: readonly SbomReader[] = [
  ladingJsonReader,
  cyclonedxJsonReader,
  spdxJsonReader,
];
