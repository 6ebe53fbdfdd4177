import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

// Test-only: a validator for the official SARIF 2.1.0 schema (JSON Schema draft-07) copied into
// this folder; provenance in packages/scanner/testdata/PROVENANCE.md.
let validator: ValidateFunction | undefined;

/** Test-only: validates a document against the SARIF 2.1.0 schema. */
export function sarifValidator(): ValidateFunction {
  if (validator) return validator;
  const schema = JSON.parse(
    readFileSync(new URL("./sarif-schema-2.1.0.json", import.meta.url), "utf8"),
  );
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  validator = ajv.compile(schema);
  return validator;
}
