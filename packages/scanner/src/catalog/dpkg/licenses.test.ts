import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createLayerIndex } from "../../filetree/layer-reader.js";
import { buildTree, testContext, testLayerId } from "../test-helpers.js";
import { dpkgCataloger } from "./dpkg-cataloger.js";
import { COPYRIGHT_MAX_BYTES } from "./licenses.js";

const FIXTURE = join(import.meta.dirname, "testdata/debian-bookworm-copyright");

/**
 * The trimmed Debian 12 rootfs as layer 0, and a layer 1 that does what the image did:
 * `libstdc++6`'s doc directory is a symlink to `gcc-12-base`'s, as the package ships it.
 */
function catalogFixture() {
  const tree = buildTree([{ dirs: [FIXTURE] }], dpkgCataloger);
  const layer = createLayerIndex(1);
  layer.entries.push({
    path: "/usr/share/doc/libstdc++6",
    type: "symlink",
    size: 0,
    mode: 0o777,
    linkTarget: "gcc-12-base",
  });
  tree.applyLayer(layer);
  return dpkgCataloger.catalog(testContext(tree));
}

describe("dpkg licences from copyright files", () => {
  const result = catalogFixture();
  const licensesOf = (name: string) => result.packages.find((p) => p.name === name)?.licenses;

  it("gives each package the licences of its own copyright file", () => {
    expect(licensesOf("zlib1g")).toEqual(["Zlib"]);
    expect(licensesOf("libc6")).toEqual(["LGPL-2.1-only", "GPL-2.0-only"]);
    expect(licensesOf("libjq1")).toEqual(["MIT", "CC-BY-3.0", "GPL-2.0-or-later"]);
    expect(licensesOf("bash")?.[0]).toBe("GPL-3.0-or-later");
    expect(licensesOf("curl")?.[0]).toBe("curl");
  });

  it("follows a doc directory that is a symlink to another package's", () => {
    expect(licensesOf("libstdc++6")).toEqual(licensesOf("gcc-12-base"));
    expect(licensesOf("libstdc++6")).toContain("GPL-3.0-only");
  });

  it("leaves out licences where there is no file or nothing in it to read", () => {
    // jq's doc directory is not in the fixture (the image deletes it); libcrypt1's is prose.
    expect(licensesOf("jq")).toBeUndefined();
    expect(licensesOf("libcrypt1")).toBeUndefined();
    expect(result.packages.filter((p) => p.licenses).length).toBe(12);
    expect(result.packages.length).toBe(14);
    expect(result.unknowns).toEqual([]);
  });

  it("keeps copyright files up to the cap, and everything else it wants whole", () => {
    const small = Buffer.alloc(COPYRIGHT_MAX_BYTES);
    const large = Buffer.alloc(COPYRIGHT_MAX_BYTES + 1);
    expect(dpkgCataloger.keeps("/usr/share/doc/bash/copyright", small)).toBe(true);
    expect(dpkgCataloger.keeps("/usr/share/doc/bash/copyright", large)).toBe(false);
    expect(dpkgCataloger.keeps("/var/lib/dpkg/status", large)).toBe(true);
  });

  it("reports a copyright file dropped for its size as an unknown, once", () => {
    const tree = buildTree([{ dirs: [FIXTURE] }], dpkgCataloger);
    const layer = createLayerIndex(1);
    // What a source records for a wanted file whose bytes `keeps` declined: the entry alone.
    const size = COPYRIGHT_MAX_BYTES + 1;
    layer.entries.push({
      path: "/usr/share/doc/zlib1g/copyright",
      type: "file",
      size,
      mode: 0o644,
    });
    tree.applyLayer(layer);
    const result = dpkgCataloger.catalog(testContext(tree));
    expect(result.packages.find((p) => p.name === "zlib1g")?.licenses).toBeUndefined();
    expect(result.unknowns).toEqual([
      {
        path: "/usr/share/doc/zlib1g/copyright",
        layer: testLayerId(1),
        cataloger: "dpkg",
        reason: `copyright file of ${size} bytes is over the ${COPYRIGHT_MAX_BYTES} read for licences`,
      },
    ]);
  });
});
