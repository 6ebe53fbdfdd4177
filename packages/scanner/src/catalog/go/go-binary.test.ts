import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalogLayers, testLayerId } from "../test-helpers.js";
import { goCataloger } from "./go-cataloger.js";
import { pointerLayoutElf } from "./testdata/synthetic-elf.js";

const testdata = join(import.meta.dirname, "testdata");
const prebuilt = readFileSync(join(testdata, "hello-go-linux-amd64"));
const hasGo = (() => {
  try {
    execFileSync("go", ["version"], { stdio: "ignore" });
    return existsSync("/usr/share/gocode/src/github.com/google/uuid");
  } catch {
    return false;
  }
})();

/** Builds go-app for one platform once, cached by the hash of its inputs and the toolchain. */
function buildGoApp(goos: string, goarch: string): Buffer {
  const inputs = ["build-go-app.sh", "go-app/go.mod", "go-app/main.go"].map((f) =>
    readFileSync(join(testdata, f)),
  );
  const toolchain = execFileSync("go", ["version"]).toString();
  const key = createHash("sha256")
    .update(Buffer.concat(inputs))
    .update(toolchain)
    .digest("hex")
    .slice(0, 16);
  const dir = join(import.meta.dirname, "../../../../../.cache/go-fixtures", key);
  const out = join(dir, `hello-${goos}-${goarch}`);
  if (!existsSync(out)) {
    mkdirSync(dir, { recursive: true });
    execFileSync(join(testdata, "build-go-app.sh"), [out], {
      env: {
        ...process.env,
        GOOS: goos,
        GOARCH: goarch,
        GO_FIXTURE_CACHE: join(dir, "../go-build"),
      },
    });
  }
  return readFileSync(out);
}

async function catalogBinary(path: string, content: Buffer) {
  return catalogLayers(goCataloger, [{ files: { [path]: content } }]);
}

const summary = (
  pkgs: { name: string; version: string; purl: string; metadata?: Record<string, unknown> }[],
) =>
  pkgs.map((p) => ({
    name: p.name,
    version: p.version,
    purl: p.purl,
    unversioned: p.metadata?.unversioned === true,
  }));

const HELLO = [
  {
    name: "example.com/lading/hello",
    version: "(devel)",
    purl: "pkg:golang/example.com/lading/hello",
    unversioned: true,
  },
  {
    name: "github.com/google/uuid",
    version: "v1.3.0",
    purl: "pkg:golang/github.com/google/uuid@v1.3.0",
    unversioned: false,
  },
  { name: "stdlib", version: "go1.19.8", purl: "pkg:golang/stdlib@go1.19.8", unversioned: false },
];

describe("Go build info in binaries", () => {
  it("reads a real stripped Go 1.19 ELF binary built from a vendored module", async () => {
    const result = await catalogBinary("/usr/local/bin/hello", prebuilt);
    expect(result.unknowns).toEqual([]);
    expect(summary(result.packages)).toEqual(HELLO);
    const main = result.packages[0];
    expect(main).toMatchObject({
      foundBy: "go",
      foundHow: "binary",
      locations: [{ path: "/usr/local/bin/hello", layer: testLayerId(0) }],
      metadata: {
        mainModule: true,
        mainPackage: "example.com/lading/hello",
        dependsOn: ["github.com/google/uuid"],
      },
    });
    expect(main?.metadata?.settings).toMatchObject({ GOOS: "linux", GOARCH: "amd64" });
  });

  for (const [goos, goarch, path] of [
    ["linux", "amd64", "/app/hello"],
    ["darwin", "arm64", "/opt/hello/bin/hello"],
    ["windows", "386", "/app/hello.exe"],
  ] as const) {
    it.skipIf(!hasGo)(`reads a ${goos}/${goarch} binary built here`, async () => {
      const result = await catalogBinary(path, buildGoApp(goos, goarch));
      expect(result.unknowns).toEqual([]);
      expect(summary(result.packages)).toEqual(HELLO);
    });
  }

  it("reads the pre-1.18 pointer layout, with a replaced dependency", async () => {
    const modInfo = [
      "path\texample.com/tool",
      "mod\texample.com/tool\tv1.2.3\th1:abc=",
      "dep\tgolang.org/x/net\tv0.1.0\th1:old=",
      "=>\texample.com/fork/net\tv0.1.1\th1:new=",
      "dep\texample.com/local\tv1.0.0",
      "=>\t../local\t",
      "",
    ].join("\n");
    const result = await catalogBinary("/bin/tool", pointerLayoutElf("go1.16.15", modInfo));
    expect(result.unknowns).toEqual([]);
    expect(result.packages.map((p) => [p.name, p.version, p.metadata?.replaces])).toEqual([
      ["example.com/tool", "v1.2.3", undefined],
      ["example.com/fork/net", "v0.1.1", { path: "golang.org/x/net", version: "v0.1.0" }],
      ["example.com/local", "(devel)", { path: "example.com/local", version: "v1.0.0" }],
      ["stdlib", "go1.16.15", undefined],
    ]);
  });

  it("a corrupt build info section becomes an unknown", async () => {
    const corrupt = Buffer.from(prebuilt);
    const at = corrupt.indexOf(Buffer.from("\xff Go buildinf:", "latin1"));
    corrupt.fill(0xff, at + 32, at + 40);
    const result = await catalogBinary("/usr/bin/hello", corrupt);
    expect(result.packages).toEqual([]);
    expect(result.unknowns).toEqual([
      {
        path: "/usr/bin/hello",
        layer: testLayerId(0),
        cataloger: "go",
        reason: expect.stringMatching(/build info/),
      },
    ]);
  });

  it("a pointer that leads outside the file becomes an unknown", async () => {
    const elf = pointerLayoutElf("go1.16", "path\tx\n");
    const at = elf.indexOf(Buffer.from("\xff Go buildinf:", "latin1"));
    elf.writeBigUInt64LE(0x7fff0000n, at + 16);
    const result = await catalogBinary("/bin/x", elf);
    expect(result.unknowns[0]?.reason).toMatch(/outside the file/);
  });

  it("files that are not Go binaries yield nothing", async () => {
    const result = await catalogBinary("/usr/bin/script", Buffer.from("#!/bin/sh\necho\n"));
    expect(result).toEqual({ packages: [], unknowns: [] });
  });
});

describe("which paths are read as executables", () => {
  it.each([
    ["/usr/bin/kubectl", true],
    ["/usr/local/bin/app", true],
    ["/bin/busybox", true],
    ["/app/server", true],
    ["/ko-app/hello", true],
    ["/opt/tool/tool", true],
    ["/main", true],
    ["/c/Windows/x.exe", true],
    ["/usr/bin/python3.11", true],
    ["/usr/bin/update.sh", false],
    ["/etc/passwd", false],
    ["/usr/share/doc/readme", false],
    ["/app/config.yaml", false],
  ])("%s → %s", (path, wanted) => {
    expect(goCataloger.wants(path)).toBe(wanted);
  });
});
