/**
 * Licences of the real Debian 12 test image (built by `scripts/build-test-images`): every
 * package but two has a copyright file Lading can read licences from.
 */
import { beforeAll, expect, it } from "vitest";
import {
  describeWithTestImages,
  imageForms,
  loadTestImages,
} from "../../../../../test/support/test-images.js";
import { scan } from "../../scan.js";
import type { Package } from "../../types.js";

const withImages = describeWithTestImages("the Debian image licence test");

withImages("licences of the Debian test image", () => {
  let debs: Package[];
  const licensesOf = (name: string) => debs.find((p) => p.name === name)?.licenses;

  beforeAll(async () => {
    const form = imageForms(loadTestImages()).find((f) => f.name === "docker-archive");
    if (!form) throw new Error("no docker-archive built");
    const result = await scan(form.reference);
    debs = result.packages.filter((p) => p.type === "deb");
  });

  it("reads licences for every package whose copyright file names them", () => {
    // jq's doc directory is deleted by the image's last layer; libcrypt1's file is prose.
    const without = debs.filter((p) => !p.licenses).map((p) => p.name);
    expect(without.sort()).toEqual(["jq", "libcrypt1"]);
    expect(debs.length).toBeGreaterThan(100);
  });

  it("maps the licences of well-known packages to SPDX", () => {
    expect(licensesOf("zlib1g")).toEqual(["Zlib"]);
    expect(licensesOf("libc6")).toEqual(["LGPL-2.1-only", "GPL-2.0-only"]);
    expect(licensesOf("bash")?.[0]).toBe("GPL-3.0-or-later");
    expect(licensesOf("coreutils")?.[0]).toBe("GPL-3.0-or-later");
    expect(licensesOf("curl")?.[0]).toBe("curl");
    expect(licensesOf("libjq1")).toEqual(["MIT", "CC-BY-3.0", "GPL-2.0-or-later"]);
    expect(licensesOf("adduser")).toEqual(["GPL-2.0-or-later"]);
  });

  it("follows doc directories that are symlinks to another package's", () => {
    expect(licensesOf("libstdc++6")).toEqual(licensesOf("gcc-12-base"));
    expect(licensesOf("libgcc-s1")).toEqual(licensesOf("gcc-12-base"));
  });
});
