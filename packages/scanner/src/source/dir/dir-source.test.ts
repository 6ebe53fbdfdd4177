import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createCapturePolicy } from "../../capture-policy.js";
import { condenseBuildInfo } from "../../catalog/go/buildinfo.js";
import { catalogers } from "../../catalog/registry.js";
import { scan } from "../../scan.js";
import { dirSource } from "./dir-source.js";

const goFixture = join(import.meta.dirname, "../../catalog/go/testdata/hello-go-linux-amd64");
const root = mkdtempSync(join(tmpdir(), "lading-dir-source-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("dir: source", () => {
  mkdirSync(join(root, "usr/local/bin"), { recursive: true });
  cpSync(goFixture, join(root, "usr/local/bin/hello"));
  // An ELF header and nothing a reader keeps: read, looked at, and dropped.
  writeFileSync(join(root, "usr/local/bin/plain"), Buffer.from("\x7fELF not much else", "latin1"));

  it("holds only what the readers keep of the files they want, as a layer's reader does", async () => {
    const opened = await dirSource.open(root);
    const [index] = await opened.index(createCapturePolicy(catalogers));
    expect(index?.entries.map((e) => e.path).sort()).toEqual([
      "/usr",
      "/usr/local",
      "/usr/local/bin",
      "/usr/local/bin/hello",
      "/usr/local/bin/plain",
    ]);
    expect([...(index?.captured.keys() ?? [])]).toEqual(["/usr/local/bin/hello"]);
    // The Go binary is held as its build info record, not its 1.4 MB.
    expect(index?.captured.get("/usr/local/bin/hello")).toEqual(
      condenseBuildInfo(readFileSync(goFixture)),
    );
  });

  it("catalogs the binary from its record as from the file", async () => {
    const result = await scan(`dir:${root}`);
    expect(result.packages.map((p) => p.purl)).toEqual([
      "pkg:golang/example.com/lading/hello",
      "pkg:golang/github.com/google/uuid@v1.3.0",
      "pkg:golang/stdlib@go1.19.8",
    ]);
    expect(result.unknowns).toEqual([]);
  });
});
