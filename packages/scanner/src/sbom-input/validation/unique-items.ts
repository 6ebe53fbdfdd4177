import type { Ajv, ErrorObject } from "ajv";

/**
 * A linear replacement for JSON Schema's `uniqueItems` on arrays of objects.
 *
 * Ajv checks `uniqueItems` over items of no declared scalar type by deep-comparing every pair:
 * the CycloneDX schemas mark `components`, `dependencies` and most other arrays so, and the
 * check took about 75 ms of a 500-component SBOM's read (growing with the square of the count).
 * The keyword here gives the same answer — two items are duplicates when they are equal JSON
 * values, object keys in any order — by putting each item's canonical JSON in a Set.
 */
export const LINEAR_UNIQUE_ITEMS = "linearUniqueItems";

/** Registers the {@link LINEAR_UNIQUE_ITEMS} keyword on `ajv`. */
export function addLinearUniqueItems(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: LINEAR_UNIQUE_ITEMS,
    type: "array",
    schemaType: "boolean",
    errors: true,
    validate: checkUnique,
  });
}

interface KeywordCheck {
  (enabled: boolean, items: unknown[]): boolean;
  errors?: Partial<ErrorObject>[];
}

const checkUnique: KeywordCheck = (enabled, items) => {
  if (!enabled) return true;
  const seen = new Map<string, number>();
  for (const [i, item] of items.entries()) {
    const key = canonicalJson(item);
    const first = seen.get(key);
    if (first !== undefined) {
      const message = `must NOT have duplicate items (items ## ${first} and ${i} are identical)`;
      checkUnique.errors = [{ keyword: "uniqueItems", message, params: { i: first, j: i } }];
      return false;
    }
    seen.set(key, i);
  }
  return true;
};

/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const fields = Object.keys(record)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  return `{${fields.join(",")}}`;
}

const SCALAR_TYPES = new Set(["string", "number", "integer", "boolean", "null"]);

/**
 * Rewrites, in place, every `uniqueItems: true` in a loaded schema object whose `items` does not
 * declare a scalar `type` (a `$ref`, an object, an `anyOf`...) into {@link LINEAR_UNIQUE_ITEMS}.
 * Arrays of declared scalars keep `uniqueItems`: Ajv already checks those with a hash, in O(n).
 * Only the in-memory copy changes; the schema file on disk stays the official one.
 */
export function useLinearUniqueItems(node: unknown): void {
  if (node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const child of node) useLinearUniqueItems(child);
    return;
  }
  const schema = node as Record<string, unknown>;
  if (schema.uniqueItems === true && !hasScalarItems(schema.items)) {
    delete schema.uniqueItems;
    schema[LINEAR_UNIQUE_ITEMS] = true;
  }
  for (const child of Object.values(schema)) useLinearUniqueItems(child);
}

function hasScalarItems(items: unknown): boolean {
  if (items === null || typeof items !== "object") return false;
  const type = (items as Record<string, unknown>).type;
  return typeof type === "string" && SCALAR_TYPES.has(type);
}
