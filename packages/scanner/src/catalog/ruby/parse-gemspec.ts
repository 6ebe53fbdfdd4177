import type { FileParser, PackageDraft } from "../file-parsers.js";
import { normalizeLicenses } from "../spdx.js";

/**
 * The `specifications/*.gemspec` RubyGems writes for each installed gem. It is Ruby code, so it
 * is not run: only plain assignments (`s.name = "x".freeze`, `s.licenses = ["MIT"]`) and
 * `add_*dependency` calls are read, and anything computed is left out rather than guessed.
 */
export const gemspecParser = {
  id: "gemspec",
  foundHow: "installed",
  matches: (path: string) => /\/specifications\/(?:default\/)?[^/]+\.gemspec$/.test(path),
  parse(text: string): PackageDraft[] {
    // Without the constructor the file is no specification, whatever its name.
    if (!/Gem::Specification\.new/.test(text)) return [];
    const fields = readAssignments(text);
    const name = fields.get("name")?.[0];
    const version = fields.get("version")?.[0];
    if (name === undefined && version === undefined) return [];
    if (name === undefined || version === undefined)
      throw new Error("gemspec has no name or version");
    const metadata: Record<string, unknown> = { requires: dependencyNames(text) };
    const homepage = fields.get("homepage")?.[0];
    if (homepage) metadata.homepage = homepage;
    const authors = fields.get("authors") ?? fields.get("author");
    return [
      {
        name,
        version,
        licenses: normalizeLicenses([
          ...(fields.get("licenses") ?? []),
          ...(fields.get("license") ?? []),
        ]),
        maintainer: authors?.join(", "),
        description: fields.get("summary")?.[0],
        metadata,
      },
    ];
  },
} satisfies FileParser;

/** A Ruby string literal: "..." , '...', or %q{...} / %q<...>, perhaps followed by `.freeze`. */
const STRING = /"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|%q\{([^}]*)\}|%q<([^>]*)>/g;

/** `x.field = value` lines, each value read as its string literals. */
function readAssignments(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  const constants = readConstants(text);
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*\w+\.(\w+)\s*=\s*(.+)$/.exec(line);
    if (match === null || fields.has(match[1] as string)) continue;
    const value = (match[2] as string).replace(/\s+if\s+.*$/, "").trim();
    const constant = constants.get(value);
    const strings = constant ? [constant] : stringsOf(value);
    if (strings.length > 0) fields.set(match[1] as string, strings);
  }
  return fields;
}

/** Top-level constants set to one string (`VERSION = '3.0.0'`), as gemspecs in source use. */
function readConstants(text: string): Map<string, string> {
  const constants = new Map<string, string>();
  for (const m of text.matchAll(/^\s*([A-Z][A-Z0-9_]*)\s*=\s*(.+)$/gm)) {
    const value = stringsOf(m[2] as string);
    if (value.length === 1) constants.set(m[1] as string, value[0] as string);
  }
  return constants;
}

function stringsOf(value: string): string[] {
  const version = /Gem::Version\.new\(([^)]*)\)/.exec(value);
  const source = version ? (version[1] as string) : value;
  return [...source.matchAll(STRING)].map((m) => unescapeRuby(m[1] ?? m[2] ?? m[3] ?? m[4] ?? ""));
}

/** `\u00E9` and `\"` as Ruby writes them in double-quoted strings. */
function unescapeRuby(text: string): string {
  return text
    .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16)),
    )
    .replace(/\\(.)/g, "$1");
}

/** Runtime dependencies by name (development ones are not installed with the gem). */
function dependencyNames(text: string): string[] {
  const calls = text.matchAll(/\.add_(?:runtime_)?dependency[\s(]+(.+)$/gm);
  return [...calls].flatMap((m) => stringsOf(m[1] as string).slice(0, 1));
}
