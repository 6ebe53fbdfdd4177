import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dpkgCataloger } from "./dpkg/dpkg-cataloger.js";
import { isOsOwned, markOsOwned } from "./os-owned.js";
import { pythonCataloger } from "./python/python-cataloger.js";
import { buildTree, testContext } from "./test-helpers.js";

const testdata = join(import.meta.dirname, "testdata/os-owned");
const pipMetadata = join(
  import.meta.dirname,
  "python/testdata/corpus/syft-python-site-packages-license/with-license-file-declared.dist-info/METADATA",
);

/** Debian's python3-six (its status, file list and egg-info) beside a pip-installed Pygments. */
async function scanBoth() {
  const wanting = { wants: (p: string) => dpkgCataloger.wants(p) || pythonCataloger.wants(p) };
  const tree = buildTree(
    [
      { dirs: [join(testdata, "debian-python3-six")] },
      {
        files: {
          "/usr/local/lib/python3.11/site-packages/Pygments-2.6.1.dist-info/METADATA": {
            from: pipMetadata,
          },
        },
      },
    ],
    wanting,
  );
  const context = testContext(tree, { id: "debian", versionId: "12" });
  const os = await dpkgCataloger.catalog(context);
  const lang = await pythonCataloger.catalog(context);
  return [...os.packages, ...lang.packages];
}

describe("markOsOwned", () => {
  it("flags the distro's Python package with the dpkg package that installed it", async () => {
    const marked = markOsOwned(await scanBoth());
    const six = marked.find((p) => p.type === "pypi" && p.name === "six");
    expect(six?.metadata?.ownedBy).toBe(
      "pkg:deb/debian/python3-six@1.16.0-4?arch=all&distro=debian-12&upstream=six",
    );
    expect(six && isOsOwned(six)).toBe(true);
  });

  it("leaves a pip-installed package independent, and keeps every package", async () => {
    const all = await scanBoth();
    const marked = markOsOwned(all);
    expect(marked).toHaveLength(all.length);
    const pygments = marked.find((p) => p.name === "Pygments");
    expect(pygments?.metadata?.ownedBy).toBeUndefined();
    expect(marked.filter(isOsOwned).map((p) => p.purl)).toEqual(["pkg:pypi/six@1.16.0"]);
  });

  it("changes nothing when no OS package lists its files", async () => {
    const lang = (await scanBoth()).filter((p) => p.type === "pypi");
    expect(markOsOwned(lang)).toEqual(lang);
  });
});
