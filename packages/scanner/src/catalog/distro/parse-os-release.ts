import type { Distro } from "../../types.js";

/**
 * Reads an os-release file into its fields. The format is a restricted shell assignment list
 * (https://www.freedesktop.org/software/systemd/man/latest/os-release.html): values may be
 * unquoted, "double-quoted" with backslash escapes, or 'single-quoted'; `#` starts a comment.
 */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) fields[match[1] as string] = unquote(match[2] as string);
  }
  return fields;
}

/** Undoes the shell quoting os-release allows. */
function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\(["\\$`])/g, "$1") : inner;
  }
  return value;
}

/** The distro os-release fields describe, or undefined without an `ID`. */
export function distroFromFields(fields: Record<string, string>): Distro | undefined {
  const id = fields.ID?.trim().toLowerCase();
  if (!id) return undefined;
  return compact({
    id,
    versionId: fields.VERSION_ID,
    version: fields.VERSION,
    versionCodename: fields.VERSION_CODENAME,
    name: fields.NAME,
    prettyName: fields.PRETTY_NAME,
    idLike: fields.ID_LIKE?.split(/\s+/).filter((s) => s !== ""),
  });
}

/** Drops empty fields so that `VERSION_CODENAME=` reads as no codename. */
export function compact(distro: Distro): Distro {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(distro)) {
    const empty = value === undefined || value === "" || (Array.isArray(value) && !value.length);
    if (!empty) out[key] = value;
  }
  return out as unknown as Distro;
}
