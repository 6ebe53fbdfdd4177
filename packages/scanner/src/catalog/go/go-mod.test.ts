import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildTree, testContext } from "../test-helpers.js";
import { goCapabilities } from "./capabilities.js";
import { goCataloger } from "./go-cataloger.js";

const corpus = join(import.meta.dirname, "testdata/corpus");
const files = (dir: string) => readdirSync(join(corpus, dir));
const read = (dir: string, file: string) => readFileSync(join(corpus, dir, file), "utf8");

interface Expected {
  name: string;
  version: string;
  purl?: string;
}

/** Lays a case out as a source tree (`go.mod` beside `go.sum`) and scans it as a directory. */
async function catalogCase(dir: string) {
  const mod = files(dir).find((f) => f.endsWith(".mod")) as string;
  const sum = files(dir).find((f) => f.endsWith(".sum"));
  const layer = {
    files: { "/src/go.mod": read(dir, mod), ...(sum ? { "/src/go.sum": read(dir, sum) } : {}) },
  };
  const tree = buildTree([layer], goCataloger);
  return goCataloger.catalog({ ...testContext(tree), mode: "directory" });
}

const byName = (a: Expected, b: Expected) =>
  a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
const stdlibFromGoMod = goCapabilities.find((c) => c.case === "stdlib-from-go-mod");
const unsupported = new Set(goCapabilities.map((c) => c.case));

describe("go.mod (osv-scalibr corpus; scalibr drops the v of versions)", () => {
  for (const dir of readdirSync(corpus).filter((d) => d.startsWith("scalibr-gomod-"))) {
    it.skipIf(unsupported.has(dir))(dir, async () => {
      const result = await catalogCase(dir);
      const want = (JSON.parse(read(dir, "expected.json")) as Expected[])
        .filter((p) => !(stdlibFromGoMod && p.name === "stdlib"))
        .map((p) => ({ name: p.name, version: p.version }));
      const got = result.packages.map((p) => ({
        name: p.name,
        version: p.version.replace(/^v/, ""),
      }));
      expect(got.sort(byName)).toEqual(want.sort(byName));
      expect(result.unknowns).toEqual([]);
    });
  }
});

describe("go.mod (syft corpus)", () => {
  for (const dir of readdirSync(corpus).filter((d) => d.startsWith("syft-golang-"))) {
    it(dir, async () => {
      const result = await catalogCase(dir);
      const want = JSON.parse(read(dir, "expected.json")) as Expected[];
      const got = result.packages.map((p) => ({
        name: p.name,
        version: p.version,
        type: p.type,
        purl: p.purl,
      }));
      expect(got.sort(byName)).toEqual(want.sort(byName));
    });
  }

  it("takes module hashes from go.sum", async () => {
    const result = await catalogCase("syft-golang-go-sum-hashes");
    const stripansi = result.packages.find((p) => p.name === "github.com/acarl005/stripansi");
    expect(stripansi?.metadata?.h1).toBe("h1:licZJFw2RwpHMqeKTCYkitsPqHNxTmd4SNR5r94FGM8=");
  });

  it("go.mod is not read in an image scan", async () => {
    const tree = buildTree(
      [
        {
          files: {
            "/go/pkg/mod/x/go.mod": read("scalibr-gomod-one-package.mod", "one-package.mod"),
          },
        },
      ],
      goCataloger,
    );
    expect(goCataloger.catalog(testContext(tree)).packages).toEqual([]);
  });
});

describe("capability table", () => {
  it("stdlib from the go directive is really not reported", async () => {
    const result = await catalogCase("scalibr-gomod-two-packages.mod");
    expect(result.packages.map((p) => p.name)).not.toContain("stdlib");
  });

  it("a local replacement keeps the required module's name, as syft does", async () => {
    const result = await catalogCase("scalibr-gomod-replace-local.mod");
    const net = result.packages.find((p) => p.metadata?.localReplacement === "./fork/net");
    expect(net).toMatchObject({
      name: "golang.org/x/net",
      version: "",
      metadata: { unversioned: true },
    });
  });
});
