/**
 * Python core metadata (METADATA, PKG-INFO) as email-style headers: `Name: value`, a value
 * continued on lines that start with white space, and the description after the first blank
 * line. https://packaging.python.org/en/latest/specifications/core-metadata/
 */
export type Headers = Map<string, string[]>;

/** Reads the headers (field names in lower case), skipping lines that are not headers. */
export function parseHeaders(text: string): Headers {
  const headers: Headers = new Map();
  let last: string[] | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "") break;
    if (/^[ \t]/.test(line) && last) {
      last[last.length - 1] += `\n${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    // Hand-edited or truncated files carry stray lines; the headers around them still count.
    if (colon <= 0 || /\s/.test(line.slice(0, colon))) {
      last = undefined;
      continue;
    }
    const key = line.slice(0, colon).trim().toLowerCase();
    last = headers.get(key) ?? [];
    last.push(line.slice(colon + 1).trim());
    headers.set(key, last);
  }
  return headers;
}

/** The first value of a field, or undefined when missing or empty. */
export function field(headers: Headers, name: string): string | undefined {
  const value = headers.get(name)?.[0]?.trim();
  return value ? value : undefined;
}

/**
 * Licences a distribution declares: the SPDX `License-Expression` (metadata 2.4) wins; else the
 * free-text `License` field when it is short enough to be a name; else the trove classifiers.
 */
export function declaredLicenses(headers: Headers): string[] {
  const expression = field(headers, "license-expression");
  if (expression) return [expression];
  const license = field(headers, "license");
  if (license && license !== "UNKNOWN" && !license.includes("\n") && license.length < 100) {
    return [license];
  }
  return (headers.get("classifier") ?? [])
    .filter((c) => c.startsWith("License ::"))
    .map((c) => c.split("::").pop()?.trim() ?? "")
    .filter((c) => c !== "" && c !== "OSI Approved");
}

/** Names of the distributions `Requires-Dist` names, leaving out extras-only ones. */
export function requiredNames(headers: Headers): string[] {
  return (headers.get("requires-dist") ?? []).flatMap((req) => {
    if (/;\s*.*extra\s*==/.test(req)) return [];
    const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1];
    return name ? [name] : [];
  });
}
