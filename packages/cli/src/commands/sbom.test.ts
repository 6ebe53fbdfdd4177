import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  cyclonedxValidator,
  schemaErrors,
  spdxValidator,
} from "../../../scanner/src/format/testdata/schemas.js";

// End to end through the built command, as a user runs it: `npm run build` comes first (the
// test script does it), so what is tested is the program that ships.

const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));
const rootfs = fileURLToPath(new URL("./testdata/debian-rootfs", import.meta.url));
let work: string;

function lading(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function readJson(name: string) {
  return JSON.parse(readFileSync(join(work, name), "utf8"));
}

beforeAll(() => {
  const built = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
  if (!existsSync(built)) throw new Error(`${built} is missing: run npm run build first`);
  work = mkdtempSync(join(tmpdir(), "lading-sbom-"));
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("lading sbom", () => {
  it("writes several formats to files in one scan of a dir: source", () => {
    const run = lading(
      "sbom",
      `dir:${rootfs}`,
      ...["-o", "cyclonedx-json=cdx.json", "-o", "cyclonedx-json@1.5=cdx15.json"],
      ...["-o", "spdx-json=sbom.spdx.json", "-o", "json=scan.json", "-o", "table=table.txt"],
    );
    expect(run).toMatchObject({ status: 0, stdout: "", stderr: "" });
    const [cdx, cdx15, spdx, own] = ["cdx.json", "cdx15.json", "sbom.spdx.json", "scan.json"].map(
      readJson,
    );
    expect(schemaErrors(cyclonedxValidator("1.6"), cdx)).toEqual([]);
    expect(schemaErrors(cyclonedxValidator("1.5"), cdx15)).toEqual([]);
    expect(schemaErrors(spdxValidator(), spdx)).toEqual([]);
    expect([cdx.specVersion, cdx15.specVersion, spdx.spdxVersion]).toEqual([
      "1.6",
      "1.5",
      "SPDX-2.3",
    ]);
    expect(own.distro).toMatchObject({ id: "debian", versionId: "10", versionCodename: "buster" });
    expect(own.source).toEqual({ kind: "dir", target: rootfs });
    // Every format describes the same packages: the distro is one more component (CycloneDX)
    // and the scanned directory one more package (SPDX).
    const purls = own.packages.map((p: { purl: string }) => p.purl).sort();
    const cdxPurls = cdx.components.flatMap((c: { purl?: string }) => c.purl ?? []);
    const spdxPurls = spdx.packages.flatMap(
      (p: { externalRefs?: { referenceLocator: string }[] }) =>
        p.externalRefs?.map((r) => r.referenceLocator) ?? [],
    );
    expect(cdxPurls.sort()).toEqual(purls);
    expect(spdxPurls.sort()).toEqual(purls);
    expect(cdx.components.length).toBe(own.packages.length + 1);
    expect(spdx.packages.length).toBe(own.packages.length + 2);
    const table = readFileSync(join(work, "table.txt"), "utf8");
    expect(table).toContain(`in ${rootfs} (debian 10); 0 unknowns`);
  });

  it("writes one format to standard output beside the files", () => {
    const run = lading("sbom", `dir:${rootfs}`, "-o", "table", "-o", "json=again.json");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/packages? .*\(debian 10\); 0 unknowns\n$/);
    expect(readJson("again.json").distro.id).toBe("debian");
  });

  it.each([
    [["-o", "xml"], 'lading: unknown output format "xml"; known: '],
    [
      ["-o", "cyclonedx-json@1.2"],
      "lading: cyclonedx-json cannot be written as version 1.2; supported: 1.6, 1.5",
    ],
    [
      ["-o", "json", "-o", "spdx-json"],
      "lading: only one output can go to standard output (json, spdx-json); give the others =FILE",
    ],
    [["-o", "json=no/such/dir/x.json"], "lading: cannot write no/such/dir/x.json:"],
  ])("rejects %j with one line, before reading the source", (args, message) => {
    // The source does not exist: an output error proves outputs are checked first.
    const run = lading("sbom", "dir:/nonexistent/lading-source", ...args);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("fails with one line when the source cannot be read", () => {
    const run = lading("sbom", "dir:/nonexistent/lading-source", "-o", "json=x.json");
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^lading: .*\/nonexistent\/lading-source.*\n$/);
    expect(existsSync(join(work, "x.json"))).toBe(false);
  });

  it("shows an image's control characters in an error as escapes, not to the terminal", () => {
    const run = lading("sbom", "dir:/nonexistent/\u001b]0;owned\u0007\u001b[2J");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("/nonexistent/\\x1b]0;owned\\x07\\x1b[2J");
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).not.toContain("\u0007");
  });
});
