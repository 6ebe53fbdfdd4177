import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogLayers, testLayerId } from "../test-helpers.js";
import { dpkgCataloger } from "./dpkg-cataloger.js";

const TESTDATA = join(import.meta.dirname, "testdata");
const STATUS = "/var/lib/dpkg/status";

/** The paragraphs of a real status database, to assemble layer histories from. */
const paragraphs = readFileSync(join(TESTDATA, "claircore-texlive/var/lib/dpkg/status"), "utf8")
  .split(/\n\n+/)
  .filter((p) => p.trim() !== "");
const nameOf = (p: string) => /^Package: (.+)$/m.exec(p)?.[1] as string;
const status = (ps: string[]) => `${ps.join("\n\n")}\n`;

describe("dpkg layer attribution", () => {
  const base = paragraphs.slice(0, 10);
  const added = paragraphs.slice(10, 15);
  const upgraded = (base[1] as string).replace(/^Version: (.+)$/m, "Version: $1+lading1");
  const layers = [
    {
      files: {
        [STATUS]: status(base),
        [`/var/lib/dpkg/info/${nameOf(base[0] as string)}.list`]: "/.\n/usr\n/usr/bin/tool\n",
      },
    },
    { files: { [STATUS]: status([...base, ...added]) } },
    { files: { "/etc/motd": "a layer that leaves the database alone\n" } },
    { files: { [STATUS]: status([base[0], upgraded, ...base.slice(3), ...added] as string[]) } },
  ];

  it("gives each package the layer that installed its version, not the last rewrite", async () => {
    const { packages } = await catalogLayers(dpkgCataloger, layers);
    const layerOf = (name: string) => packages.find((p) => p.name === name)?.layer;
    expect(layerOf(nameOf(base[0] as string))).toBe(testLayerId(0));
    expect(layerOf(nameOf(base[9] as string))).toBe(testLayerId(0));
    for (const p of added) expect(layerOf(nameOf(p))).toBe(testLayerId(1));
    expect(layerOf(nameOf(base[1] as string))).toBe(testLayerId(3));
    expect(packages.map((p) => p.name)).not.toContain(nameOf(base[2] as string));
    expect(packages).toHaveLength(base.length - 1 + added.length);
  });

  it("locates the database in the layer that last wrote it, and the file list in its own", async () => {
    const { packages } = await catalogLayers(dpkgCataloger, layers);
    const first = packages.find((p) => p.name === nameOf(base[0] as string));
    expect(first?.locations).toEqual([
      { path: STATUS, layer: testLayerId(3) },
      { path: `/var/lib/dpkg/info/${nameOf(base[0] as string)}.list`, layer: testLayerId(0) },
    ]);
    expect(first?.files).toEqual(["/usr", "/usr/bin/tool"]);
  });

  it("starts over when a layer deletes the database", async () => {
    const rebuilt = [...layers, { whiteouts: [STATUS] }, { files: { [STATUS]: status(base) } }];
    const { packages } = await catalogLayers(dpkgCataloger, rebuilt);
    expect(new Set(packages.map((p) => p.layer))).toEqual(new Set([testLayerId(5)]));
  });

  it("gives a distroless status.d package the layer of its own file", async () => {
    const { packages } = await catalogLayers(dpkgCataloger, [
      { files: { "/var/lib/dpkg/status.d/a": base[0] as string } },
      { files: { "/var/lib/dpkg/status.d/b": base[1] as string } },
    ]);
    expect(packages.map((p) => [p.name, p.layer])).toEqual([
      [nameOf(base[0] as string), testLayerId(0)],
      [nameOf(base[1] as string), testLayerId(1)],
    ]);
  });
});
