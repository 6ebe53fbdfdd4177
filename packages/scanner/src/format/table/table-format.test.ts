import { describe, expect, it } from "vitest";
import { readGolden } from "../testdata/golden.js";
import { emptyDirectoryScan, imageScan } from "../testdata/scan-results.js";
import type { FormatContext } from "../types.js";
import { tableFormat } from "./table-format.js";

const context: FormatContext = { toolName: "lading", toolVersion: "0.1.0", now: new Date(0) };

describe("table", () => {
  const text = tableFormat.write(imageScan, context);
  const lines = text.split("\n");

  it("matches the golden table", () => {
    expect(text).toBe(readGolden("table.txt", text));
  });

  it("lists every package under a header, sorted by name then version", () => {
    const names = lines.slice(1, imageScan.packages.length + 1).map((l) => l.split(/\s+/)[0]);
    expect(lines[0]).toMatch(/^NAME\s+VERSION\s+TYPE\s+LAYER$/);
    expect(names).toEqual([
      "@babel/runtime",
      "base-files",
      "ca-certificates",
      "libc6",
      "lodash",
      "lodash",
      "musl",
      "node-forge",
      "openssl-libs",
    ]);
  });

  it("aligns columns and shows the layer as a short digest", () => {
    const row = lines.find((l) => l.startsWith("libc6 "));
    expect(row).toMatch(/^libc6 +2\.36-9\+deb12u4 +deb +5d0aeceef7ee$/);
    const typeColumn = lines[0].indexOf("TYPE");
    for (const line of lines.slice(1, 10)) expect(line[typeColumn - 1]).toBe(" ");
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });

  it("ends with a summary counting packages by type and the unknowns", () => {
    expect(lines.at(-2)).toBe(
      "9 packages (apk 1, deb 3, npm 4, rpm 1) in registry.example/lading/fixture:1.0 (debian 12); 2 unknowns (listed in -o json)",
    );
  });

  it("prints only the summary when nothing was found", () => {
    expect(tableFormat.write(emptyDirectoryScan, context)).toBe(
      "0 packages in /srv/empty; 0 unknowns\n",
    );
  });
});
