/** `Name <email>`, the way package metadata writes a maintainer, from parts either may lack. */
export function formatContact(name?: string, email?: string): string | undefined {
  const cleanName = name?.trim() || undefined;
  const cleanEmail = email?.trim() || undefined;
  if (cleanName && cleanEmail) return `${cleanName} <${cleanEmail}>`;
  return cleanName ?? cleanEmail;
}

/**
 * An SPDX actor (`Person: Name (email)`, `Organization: Name`, `Tool: x`) as `Name <email>`;
 * undefined for NOASSERTION or blank. https://spdx.github.io/spdx-spec/v2.3/package-information/#75-package-supplier-field
 */
export function parseSpdxActor(actor: unknown): string | undefined {
  if (typeof actor !== "string") return undefined;
  const match = /^\s*(?:Person|Organization|Tool)\s*:\s*(.*?)\s*(?:\(([^()]*)\))?\s*$/.exec(actor);
  if (!match) return undefined;
  return formatContact(match[1], match[2]);
}
