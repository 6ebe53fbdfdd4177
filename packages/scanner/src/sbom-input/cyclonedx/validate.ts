import type { ValidateFunction } from "ajv";
import { SbomFormatError } from "../../errors.js";
import { createAjv, firstSchemaProblem, loadSchema } from "../validation/schema-validator.js";
import { addLinearUniqueItems, useLinearUniqueItems } from "../validation/unique-items.js";

/** CycloneDX spec versions read, each validated against its official JSON schema. */
export const readableVersions = ["1.6", "1.5", "1.4"] as const;

let ajv: ReturnType<typeof createAjv> | undefined;
const compiled = new Map<string, ValidateFunction>();

// The bom schemas `$ref` spdx.schema.json and jsf-0.82.schema.json by `$id`: those are added
// first. Each version is compiled once per process, on first use.
// TODO: compiling a bom schema takes 1-2 s on a 2-core machine, paid by the first upload of each
// CycloneDX version after a server starts; Ajv's standalone code generation at build time would
// remove that wait but adds a build step and generated code to review.
function validatorFor(version: string): ValidateFunction {
  if (!ajv) {
    ajv = createAjv();
    addLinearUniqueItems(ajv);
    ajv.addSchema(loadSchema("spdx.schema.json"));
    ajv.addSchema(loadSchema("jsf-0.82.schema.json"));
  }
  let validate = compiled.get(version);
  if (!validate) {
    // Ajv's own `uniqueItems` compares every pair of components deeply, which made validation
    // the slowest step of reading a large SBOM; the loaded copy checks uniqueness in O(n) instead
    // (see unique-items.ts). Same verdicts; the schema file on disk is untouched.
    const schema = loadSchema(`bom-${version}.schema.json`);
    useLinearUniqueItems(schema);
    validate = ajv.compile(schema);
    compiled.set(version, validate);
  }
  return validate;
}

/** Throws `SbomFormatError` unless the document is valid CycloneDX JSON of a version read. */
export function validateCyclonedx(document: Record<string, unknown>): void {
  const version = document.specVersion;
  if (!readableVersions.includes(version as (typeof readableVersions)[number])) {
    const known = readableVersions.join(", ");
    throw new SbomFormatError(
      `/specVersion: CycloneDX ${JSON.stringify(version)} is not read; readable: ${known}`,
    );
  }
  const problem = firstSchemaProblem(validatorFor(String(version)), document);
  if (problem) throw new SbomFormatError(`CycloneDX ${version}: ${problem}`);
}
