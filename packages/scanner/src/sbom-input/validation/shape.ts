import { SbomFormatError } from "../../errors.js";

/**
 * Hand-written structural checks for formats without an official JSON schema here. Each takes
 * the value and its JSON pointer, and throws `SbomFormatError` with `path: reason` on a
 * mismatch, so the message reads like the schema validator's.
 */

type Json = Record<string, unknown>;

/** Throws the `SbomFormatError` for `path: reason`. */
export function fail(path: string, reason: string): never {
  throw new SbomFormatError(`${path || "/"}: ${reason}`);
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  return Array.isArray(value) ? "array" : typeof value;
}

/** Requires a JSON object. */
export function requireObject(value: unknown, path: string): Json {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    fail(path, `must be object, found ${kindOf(value)}`);
  }
  return value as Json;
}

/** Requires a JSON array. */
export function requireArray(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `must be array, found ${kindOf(value)}`);
  return value;
}

/** Requires `object[key]` to be a string. */
export function requireString(object: Json, key: string, path: string): string {
  const value = object[key];
  if (value === undefined) fail(path, `missing required property "${key}"`);
  if (typeof value !== "string") fail(`${path}/${key}`, `must be string, found ${kindOf(value)}`);
  return value;
}

/** Allows `object[key]` to be absent or null, else requires the given JSON kind. */
export function optionalOf(object: Json, key: string, kind: string, path: string): void {
  const value = object[key];
  if (value === undefined || value === null || kindOf(value) === kind) return;
  fail(`${path}/${key}`, `must be ${kind}, found ${kindOf(value)}`);
}

/** Requires an array of objects at `object[key]` when present, checking each with `check`. */
export function eachObject(
  object: Json,
  key: string,
  path: string,
  check: (item: Json, itemPath: string) => void,
): void {
  const value = object[key];
  if (value === undefined || value === null) return;
  requireArray(value, `${path}/${key}`).forEach((item, i) => {
    const itemPath = `${path}/${key}/${i}`;
    check(requireObject(item, itemPath), itemPath);
  });
}
