import type { ErrorObject } from "ajv";

/**
 * One Ajv error as a line a person can act on: `/components/0/type: "thing" is not one of
 * application, framework, ...`. Long enum lists (every SPDX licence id) are cut short.
 */
export function describeSchemaError(error: ErrorObject, document: unknown): string {
  const path = error.instancePath || "/";
  return `${path}: ${reasonOf(error, document)}`;
}

function reasonOf(error: ErrorObject, document: unknown): string {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "enum") return notAllowed(valueAt(document, error.instancePath), params);
  if (error.keyword === "additionalProperties") {
    return `unexpected property "${String(params.additionalProperty)}"`;
  }
  if (error.keyword === "required") return `missing required property "${params.missingProperty}"`;
  return error.message ?? error.keyword;
}

function notAllowed(value: unknown, params: Record<string, unknown>): string {
  const allowed = (params.allowedValues as unknown[]) ?? [];
  const shown = allowed.slice(0, 8).map(String).join(", ");
  const more = allowed.length > 8 ? `, ... (${allowed.length} in all)` : "";
  return `${JSON.stringify(value)} is not one of ${shown}${more}`;
}

/** The value a JSON pointer names, or undefined when the path leads nowhere. */
export function valueAt(document: unknown, pointer: string): unknown {
  const keys = pointer.split("/").slice(1).map(unescapePointer);
  let node: unknown = document;
  for (const key of keys) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function unescapePointer(key: string): string {
  return key.replaceAll("~1", "/").replaceAll("~0", "~");
}
