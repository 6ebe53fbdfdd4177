import type { ValidateFunction } from "ajv";
import { SbomFormatError } from "../../errors.js";
import { createAjv, firstSchemaProblem, loadSchema } from "../validation/schema-validator.js";
import { validateSpdx22Shape } from "./validate-2.2.js";

let spdx23: ValidateFunction | undefined;

/**
 * Throws `SbomFormatError` unless the document is valid SPDX 2.3 JSON (official schema) or
 * SPDX 2.2 JSON (checked by hand, see `validate-2.2.ts`).
 */
export function validateSpdx(document: Record<string, unknown>): void {
  const version = document.spdxVersion;
  if (version === "SPDX-2.2") {
    validateSpdx22Shape(document);
    return;
  }
  if (version !== "SPDX-2.3") {
    throw new SbomFormatError(
      `/spdxVersion: ${JSON.stringify(version)} is not read; readable: SPDX-2.3, SPDX-2.2`,
    );
  }
  spdx23 ??= createAjv().compile(loadSchema("spdx-2.3-schema.json"));
  const problem = firstSchemaProblem(spdx23, document);
  if (problem) throw new SbomFormatError(`SPDX 2.3: ${problem}`);
}
