import { readFileSync } from "node:fs";
import { Ajv, type ValidateFunction } from "ajv";
import ajvFormats from "ajv-formats";
import { describeSchemaError } from "./describe-error.js";

// The official schemas ship in packages/scanner/schemas (provenance there); this file sits at
// the same depth under src/ and dist/, so one relative URL serves both.
const SCHEMA_DIR = new URL("../../../schemas/", import.meta.url);

/** Reads a schema shipped with the package by its file name. */
export function loadSchema(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(name, SCHEMA_DIR), "utf8"));
}

/**
 * An Ajv instance for the official schemas. `strict: false` because they use keywords strict
 * mode rejects (`meta:enum`); `allErrors: false` stops at the first problem, which is all the
 * error message names and keeps large documents fast.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: false });
  // ajv-formats is CommonJS; its plugin is both `module.exports` and `.default`.
  ajvFormats.default(ajv);
  // ajv-formats-draft2019's iri-reference rejects `urn:cdx:` BOM-links that CycloneDX's own
  // valid examples use, and accepts spaces; an IRI reference is checked here only for what it
  // may never hold (RFC 3987: whitespace, controls, `<>"{}|\^` and backtick).
  ajv.addFormat("iri-reference", (value: string) => !/[\s\p{Cc}<>"{}|\\^`]/u.test(value));
  ajv.addFormat("idn-email", (value: string) => /^[^\s@]+@[^\s@]+$/u.test(value));
  return ajv;
}

/**
 * Validates `document`, returning the first problem as `path: reason`, or undefined when it is
 * valid. The path is a JSON pointer into the document (`/components/3/purl`).
 */
export function firstSchemaProblem(
  validate: ValidateFunction,
  document: unknown,
): string | undefined {
  if (validate(document)) return undefined;
  const error = validate.errors?.[0];
  return error ? describeSchemaError(error, document) : "document does not match its schema";
}
