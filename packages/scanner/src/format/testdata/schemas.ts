import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import addDraft2019Formats from "ajv-formats-draft2019";

// Validators for the official JSON schemas copied into ./schemas (provenance in
// packages/scanner/testdata/PROVENANCE.md). The CycloneDX bom schemas $ref spdx.schema.json
// and jsf-0.82.schema.json by their $id, so those are registered first.

function load(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./schemas/${name}`, import.meta.url), "utf8"));
}

function createAjv(): Ajv {
  // strict: false because the official schemas use keywords ajv's strict mode rejects
  // (`meta:enum` in CycloneDX, `$comment` placement); validation itself stays complete.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  addDraft2019Formats(ajv);
  return ajv;
}

const cyclonedxAjv = createAjv();
cyclonedxAjv.addSchema(load("spdx.schema.json"));
cyclonedxAjv.addSchema(load("jsf-0.82.schema.json"));

/** Validates against `bom-<version>.schema.json`. */
export function cyclonedxValidator(version: string): ValidateFunction {
  const id = `http://cyclonedx.org/schema/bom-${version}.schema.json`;
  const compiled = cyclonedxAjv.getSchema(id);
  return compiled ?? cyclonedxAjv.compile(load(`bom-${version}.schema.json`));
}

/** Validates against the SPDX 2.3 JSON schema. */
export function spdxValidator(): ValidateFunction {
  spdx ??= createAjv().compile(load("spdx-2.3-schema.json"));
  return spdx;
}

let spdx: ValidateFunction | undefined;

/** Error list for an assertion message; empty when the document is valid. */
export function schemaErrors(validate: ValidateFunction, document: unknown): string[] {
  validate(document);
  return (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}
