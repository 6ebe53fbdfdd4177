import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scan } from "../../scan.js";
import { dotnetCataloger } from "./dotnet-cataloger.js";

const root = join(import.meta.dirname, "testdata/syft-dir-pkg-coverage");

describe("syft directory coverage fixture (dotnet part)", () => {
  it("finds every package syft's directory scan expects", async () => {
    const result = await scan(`dir:${join(root, "rootfs")}`, { catalogers: [dotnetCataloger] });
    const expected = JSON.parse(readFileSync(join(root, "expected.json"), "utf8")) as {
      name: string;
      version: string;
      type: string;
    }[];
    const want = expected.filter((p) => p.type === "nuget").map((p) => `${p.name}@${p.version}`);
    const found = result.packages.map((p) => `${p.name}@${p.version}`);
    expect(want.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(want));
    expect(result.unknowns.filter((u) => u.cataloger === dotnetCataloger.name)).toEqual([]);
  });
});
