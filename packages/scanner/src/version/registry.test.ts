import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderCapabilityTable } from "./capability-table.js";
import { InvalidVersionError } from "./errors.js";
import { findVersionScheme, versionSchemes } from "./registry.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const folders = readdirSync(here).filter((name) => statSync(`${here}/${name}`).isDirectory());

describe("version scheme registry", () => {
  it("lists one scheme per folder, each named after its folder", () => {
    expect(versionSchemes.map((s) => s.id).sort()).toEqual(folders.sort());
  });

  it("finds a scheme by id and refuses an unknown one, naming the known ones", () => {
    expect(findVersionScheme("dpkg").id).toBe("dpkg");
    expect(() => findVersionScheme("cobol")).toThrow(/unknown version scheme "cobol"; known: apk,/);
  });

  it("reports unparseable input with the scheme and the version", () => {
    for (const scheme of versionSchemes) {
      expect(scheme.isValid("not a version")).toBe(false);
      expect(() => scheme.compare("not a version", "1.0.0")).toThrow(InvalidVersionError);
    }
  });
});

describe("capability tables", () => {
  for (const scheme of versionSchemes) {
    it(`${scheme.id}: every example proves its row`, () => {
      expect(scheme.capabilities.length).toBeGreaterThan(0);
      for (const { feature, example } of scheme.capabilities) {
        if ("invalid" in example) {
          expect(scheme.isValid(example.invalid), feature).toBe(false);
          expect(() => scheme.compare(example.invalid, example.invalid), feature).toThrow(
            InvalidVersionError,
          );
        } else {
          expect(scheme.compare(example.a, example.b), feature).toBe(example.expected);
        }
      }
    });
  }

  it("README.md shows the current table (LADING_UPDATE_GOLDEN=1 rewrites it)", () => {
    const path = `${here}/README.md`;
    const readme = readFileSync(path, "utf8");
    const start = readme.search(/^\| scheme /m);
    const end = readme.indexOf("\n\n", start);
    const table = renderCapabilityTable(versionSchemes);
    if (process.env.LADING_UPDATE_GOLDEN) {
      writeFileSync(path, `${readme.slice(0, start)}${table}${readme.slice(end)}`);
    } else {
      expect(start).toBeGreaterThan(0);
      expect(unpad(readme.slice(start, end))).toBe(unpad(table));
    }
  });
});

/** Undoes the column padding a Markdown formatter adds, so only the content is compared. */
function unpad(table: string): string {
  return table.replace(/ {2,}/g, " ").replace(/-{3,}/g, "---");
}
