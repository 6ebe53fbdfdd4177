import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../scan.js";
import { javaCataloger } from "./java-cataloger.js";

const root = join(import.meta.dirname, "testdata/syft-dir-pkg-coverage");

describe("syft directory coverage fixture (java part)", () => {
  it("finds every package syft's directory scan expects", async () => {
    const result = await scan(`dir:${join(root, "rootfs")}`, { catalogers: [javaCataloger] });
    const expected = JSON.parse(readFileSync(join(root, "expected.json"), "utf8")) as {
      name: string;
      version: string;
      type: string;
    }[];
    const want = expected.filter((p) => p.type === "maven").map((p) => `${p.name}@${p.version}`);
    const found = result.packages.map((p) => `${p.name}@${p.version}`);
    expect(want.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(want));
    const plugin = result.packages.find((p) =>
      p.metadata?.virtualPath?.toString().endsWith(".hpi"),
    );
    expect(plugin).toMatchObject({
      purl: "pkg:maven/io.jenkins.plugins/example-jenkins-plugin@1.0-SNAPSHOT",
      licenses: ["MIT License"],
    });
    expect(result.unknowns.filter((u) => u.cataloger === javaCataloger.name)).toEqual([]);
  });
});
