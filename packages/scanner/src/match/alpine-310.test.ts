import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scan } from "../scan.js";
import type { ScanResult } from "../types.js";
import type { VulnDb } from "../vulndb/store/vuln-db.js";
import { matchPackages } from "./match.js";
import { testDb } from "./match-test-helpers.js";

// The real alpine 3.10 image (examples/alpine-310.tar.gz) against Alpine's secdb v3.10 main.
// How the expectations were derived, by reading testdata/alpine-secdb/v3.10/main.yaml: of
// the image's 14 packages, only the origins busybox, musl and openssl have secfixes entries.
//   busybox 1.30.1-r3 (busybox, ssl_client): newest fix 1.30.1-r2  → not affected
//   musl 1.1.22-r3 (musl, musl-utils):        newest fix 1.1.22-r3  → fixed in exactly this one
//   openssl 1.1.1d-r2 (libcrypto1.1, libssl1.1): newest fix 1.1.1d-r0 → not affected
// So the image has no finding in this secdb snapshot; one revision earlier of each it would.
const image = join(import.meta.dirname, "../../../../examples/alpine-310.tar.gz");

let db: VulnDb;
let result: ScanResult;
beforeAll(async () => {
  db = await testDb("alpine-secdb");
  result = await scan(image);
});
afterAll(() => db.close());

describe("alpine 3.10 image against secdb v3.10", () => {
  it("checks every apk package and finds nothing the secdb has not fixed", () => {
    const matched = matchPackages(result, db);
    expect(matched.checked).toBe(14);
    expect(matched.skipped).toEqual([]);
    expect(matched.findings).toEqual([]);
  });

  it("finds the secdb's fixes for one revision earlier of each affected origin", () => {
    const earlier: Record<string, string> = {
      "1.30.1-r3": "1.30.1-r1",
      "1.1.22-r3": "1.1.22-r2",
      "1.1.1d-r2": "1.1.1c-r0",
    };
    const packages = result.packages.map((p) => ({
      ...p,
      version: earlier[p.version] ?? p.version,
    }));
    const findings = matchPackages({ ...result, packages }, db).findings;
    const rows = findings.map((f) => `${f.package.name} ${f.id} ${f.fix.versions.join(",")}`);
    expect(rows.sort()).toEqual([
      "busybox CVE-2019-5747 1.30.1-r2",
      "libcrypto1.1 CVE-2019-1547 1.1.1d-r0",
      "libcrypto1.1 CVE-2019-1549 1.1.1d-r0",
      "libcrypto1.1 CVE-2019-1563 1.1.1d-r0",
      "libssl1.1 CVE-2019-1547 1.1.1d-r0",
      "libssl1.1 CVE-2019-1549 1.1.1d-r0",
      "libssl1.1 CVE-2019-1563 1.1.1d-r0",
      "musl CVE-2019-14697 1.1.22-r3",
      "musl-utils CVE-2019-14697 1.1.22-r3",
      "ssl_client CVE-2019-5747 1.30.1-r2",
    ]);
    expect(findings.every((f) => f.ids.includes(`ALPINE-${f.id}`))).toBe(true);
  });
});
