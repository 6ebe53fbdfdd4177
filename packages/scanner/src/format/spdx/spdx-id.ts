import { createHash } from "node:crypto";

/** An identifier made only of the characters SPDX allows in an id: letters, digits, `.`, `-`. */
export function sanitizeIdPart(value: string): string {
  return value.replace(/[^A-Za-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "") || "x";
}

/**
 * `SPDXRef-<kind>-<name>-<hash>`: readable, and unique because the hash is taken from a
 * document-unique reference (a purl, disambiguated), so the same scan gives the same ids.
 */
export function spdxId(kind: string, name: string, uniqueRef: string): string {
  const hash = createHash("sha256").update(uniqueRef).digest("hex").slice(0, 16);
  return `SPDXRef-${sanitizeIdPart(kind)}-${sanitizeIdPart(name)}-${hash}`;
}
