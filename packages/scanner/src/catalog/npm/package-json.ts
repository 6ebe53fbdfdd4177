import { normalizeLicenses } from "../spdx.js";

/** The fields of a package.json this cataloger reads; every one may be missing or mistyped. */
export type PackageJson = Record<string, unknown>;

/** Parses a package.json; anything but a JSON object is an error. */
export function parsePackageJson(text: string): PackageJson {
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new Error("package.json is not a JSON object");
  }
  return value as PackageJson;
}

/**
 * Licences as package.json declares them: the SPDX `license` string, or the deprecated
 * `{type}` object and `licenses` array (https://docs.npmjs.com/cli/v10/configuring-npm/package-json#license).
 */
export function licensesOf(json: PackageJson): string[] | undefined {
  const declared = [json.license, ...(Array.isArray(json.licenses) ? json.licenses : [])];
  return normalizeLicenses(declared.flatMap(licenseText));
}

function licenseText(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object" && "type" in value && typeof value.type === "string") {
    return [value.type];
  }
  return [];
}

/** The author as one line: a string as written, or `name <email>` from an object. */
export function authorOf(json: PackageJson): string | undefined {
  const author = json.author;
  if (typeof author === "string") return author.trim() || undefined;
  if (author && typeof author === "object") {
    const { name, email } = author as Record<string, unknown>;
    const parts = [
      typeof name === "string" ? name : "",
      typeof email === "string" ? `<${email}>` : "",
    ];
    return parts.filter(Boolean).join(" ") || undefined;
  }
  return undefined;
}

/** Names of the entries of a dependency map (`dependencies`, `devDependencies`, ...). */
export function dependencyNames(value: unknown): string[] {
  return value && typeof value === "object" && !Array.isArray(value) ? Object.keys(value) : [];
}

/** A string field, or undefined when missing or not a string. */
export function stringField(json: PackageJson, key: string): string | undefined {
  const value = json[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
