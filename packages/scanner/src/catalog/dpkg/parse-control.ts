/**
 * Reads deb822 control paragraphs, the format of dpkg's `status` database and of opkg's
 * (https://manpages.debian.org/bookworm/dpkg-dev/deb822.5.en.html): `Field: value` lines,
 * continuation lines starting with a space or tab, paragraphs separated by blank lines.
 */

/** One paragraph: its fields by name as written, and the line it starts on (1-based). */
export interface Paragraph {
  fields: Map<string, string>;
  line: number;
}

/** Splits a control file into paragraphs; lines it cannot read are skipped. */
export function parseControl(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  let lastField: string | undefined;
  const lines = text.split(/\r?\n/);
  lines.forEach((line, i) => {
    if (line.trim() === "") {
      current = undefined;
      return;
    }
    if (current === undefined) {
      current = { fields: new Map(), line: i + 1 };
      paragraphs.push(current);
      lastField = undefined;
    }
    if (/^[ \t]/.test(line)) {
      if (lastField !== undefined) appendLine(current, lastField, line);
      return;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) return;
    lastField = line.slice(0, colon).trim();
    current.fields.set(lastField, line.slice(colon + 1).trim());
  });
  return paragraphs;
}

function appendLine(paragraph: Paragraph, field: string, line: string): void {
  const previous = paragraph.fields.get(field) ?? "";
  paragraph.fields.set(field, `${previous}\n${line.trim()}`);
}

/** `Source: name (version)` or `Source: name`. */
export function parseSource(value: string | undefined): { name: string; version?: string } {
  const match = /^(\S+)(?:\s+\((.+)\))?$/.exec(value?.trim() ?? "");
  if (!match) return { name: "" };
  return match[2] ? { name: match[1] as string, version: match[2] } : { name: match[1] as string };
}

/**
 * Package names from a relationship field (`Depends: libc6 (>= 2.34), a | b`): every
 * alternative, without version constraints or architecture qualifiers.
 */
export function relationNames(value: string | undefined): string[] {
  if (!value) return [];
  const names = value
    .split(/[,|]/)
    .map((part) => part.trim().split(/[\s(:[]/)[0] ?? "")
    .filter((name) => name !== "");
  return [...new Set(names)];
}

/** Paths listed in a `*.list` file (one per line) or `*.md5sums` file (`<md5>  <path>`). */
export function parseFileList(text: string, withDigests: boolean): string[] {
  const paths: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const path = withDigests ? line.replace(/^[0-9a-f]+\s+/, "") : line;
    if (path.trim() === "" || path === "/.") continue;
    paths.push(path.startsWith("/") ? path : `/${path}`);
  }
  return paths;
}
