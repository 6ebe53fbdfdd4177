import { describe, expect, it } from "vitest";
import { layers, type Member } from "../filetree/tar-helper.fixture.js";
import { buildLayersReport } from "./build-report.js";
import { renderLayersTable } from "./render-table.js";

const file = (name: string, n: number): Member => ({ name, body: "x".repeat(n) });

describe("renderLayersTable", () => {
  it("shows the figures, a line per layer, the waste with its examples and hints", async () => {
    const indexes = await layers(
      [file("usr/bin/tool", 3000), file("var/lib/apt/lists/Packages", 2000)],
      [file("usr/bin/tool", 3000), file("tmp/.wh.x", 0)],
    );
    const report = buildLayersReport({
      source: { kind: "dir", target: "/x" },
      indexes,
      packages: [],
    });
    const lines = renderLayersTable(report).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "dir:/x (2 layers)",
      "Size        8 kB uncompressed; 5 kB in 2 files in the final view",
      "Efficiency  62.5% of the uncompressed bytes survive to the final view",
      "Wasted      5 kB (62.5% of uncompressed bytes): overwritten 3 kB, apt-lists 2 kB",
    ]);
    expect(lines).toContain(
      "LAYER  STORED  SIZE  ADDED  MODIFIED  REMOVED  PACKAGES  WASTED  CREATED BY",
    );
    expect(lines).toContain("    0       -  5 kB      2         0        0         0    5 kB  -");
    expect(lines).toContain("  layer 0  overwritten  3 kB in 1 file");
    expect(lines).toContain("      3 kB  /usr/bin/tool");
    expect(lines).toContain(
      "      avoid it: rm -rf /var/lib/apt/lists/* in the RUN step that ran apt-get update",
    );
    expect(lines).toContain("  3 kB  /usr/bin/tool  (layer 1)");
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });

  it("right-aligns the sizes of a waste item's largest files", async () => {
    const indexes = await layers(
      [file("var/lib/apt/lists/a", 150_000), file("var/lib/apt/lists/b", 900)],
      [],
    );
    const report = buildLayersReport({
      source: { kind: "dir", target: "/x" },
      indexes,
      packages: [],
    });
    const lines = renderLayersTable(report).split("\n");
    expect(lines).toContain("      150 kB  /var/lib/apt/lists/a");
    expect(lines).toContain("       900 B  /var/lib/apt/lists/b");
  });

  it("gives shares of the uncompressed bytes, not of the smaller compressed blobs", async () => {
    const indexes = await layers([file("tmp/build.o", 4000)], [file("tmp/.wh.build.o", 0)]);
    const report = buildLayersReport({
      source: { kind: "oci-dir", target: "/x" },
      indexes,
      packages: [],
    });
    // Gzip stores a layer in far fewer bytes than it holds: here 1 kB for 4 kB, all of it wasted.
    report.summary.compressedBytes = 1000;
    const lines = renderLayersTable(report).split("\n");
    expect(lines.slice(1, 4)).toEqual([
      "Size        4 kB uncompressed, 1 kB as stored; 0 B in 0 files in the final view",
      "Efficiency  0.0% of the uncompressed bytes survive to the final view",
      "Wasted      4 kB (100.0% of uncompressed bytes): deleted 4 kB",
    ]);
  });

  it("says 1 file, not 1 files", async () => {
    const report = buildLayersReport({
      source: { kind: "dir", target: "/x" },
      indexes: await layers([file("go.mod", 754)]),
      packages: [],
    });
    expect(renderLayersTable(report)).toContain("754 B in 1 file in the final view");
  });
});
