import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchPackages } from "../match/match.js";
import { pkg, testDb } from "../match/match-test-helpers.js";
import { scan } from "../scan.js";
import type { Distro, ScanResult } from "../types.js";
import type { VulnDb } from "../vulndb/store/vuln-db.js";
import { planRemediation } from "./plan-remediation.js";
import { renderRemediationPlan } from "./render-plan.js";

// Real advisories: Alpine's secdb v3.10 main and Debian tracker entries (match/testdata).
// The alpine 3.10 image is past every secdb fix, so its packages are set back to versions the
// secdb names as vulnerable. Expected targets, read from main.yaml by hand:
//   openssl: 1.1.1b-r1 fixes CVE-2019-1543; 1.1.1d-r0 fixes CVE-2019-1547/1549/1563. From
//     1.1.1a-r0 all four apply, so the target is the higher fix, 1.1.1d-r0, for both binaries
//     built from openssl (libcrypto1.1, libssl1.1): 8 findings.
//   busybox: 1.30.1-r2 fixes CVE-2019-5747 (busybox, ssl_client): 2 findings.
//   musl: 1.1.22-r3 fixes CVE-2019-14697 (musl, musl-utils): 2 findings.
// Every secdb finding is rated "unknown" (weight 5), so the ranking follows the counts.
const image = join(import.meta.dirname, "../../../../examples/alpine-310.tar.gz");
const setBack: Record<string, string> = {
  "1.30.1-r3": "1.30.1-r1",
  "1.1.22-r3": "1.1.22-r2",
  "1.1.1d-r2": "1.1.1a-r0",
};

let db: VulnDb;
let alpine: ScanResult;
beforeAll(async () => {
  db = await testDb("alpine-secdb", "debian-tracker");
  const scanned = await scan(`docker-archive:${image}`);
  alpine = {
    ...scanned,
    packages: scanned.packages.map((p) => ({ ...p, version: setBack[p.version] ?? p.version })),
  };
}, 60_000);
afterAll(() => db.close());

describe("a plan for the alpine 3.10 image set back", () => {
  it("upgrades each origin to the highest fix its findings need, with one apk command", () => {
    const plan = planRemediation(alpine, matchPackages(alpine, db).findings);
    const rows = plan.upgrades.map((u) => [
      u.name,
      u.installedVersion,
      u.targetVersion,
      u.findings.length,
      u.score,
      u.command,
    ]);
    expect(rows).toEqual([
      [
        "openssl",
        "1.1.1a-r0",
        "1.1.1d-r0",
        8,
        40,
        "apk add libcrypto1.1=1.1.1d-r0 libssl1.1=1.1.1d-r0",
      ],
      [
        "busybox",
        "1.30.1-r1",
        "1.30.1-r2",
        2,
        10,
        "apk add busybox=1.30.1-r2 ssl_client=1.30.1-r2",
      ],
      ["musl", "1.1.22-r2", "1.1.22-r3", 2, 10, "apk add musl=1.1.22-r3 musl-utils=1.1.22-r3"],
    ]);
    expect(plan.upgrades[0]?.vulnerabilities).toEqual([
      "CVE-2019-1543",
      "CVE-2019-1547",
      "CVE-2019-1549",
      "CVE-2019-1563",
    ]);
    expect(plan).toMatchObject({ fixable: 12, total: 12, unfixed: [] });
  });

  it("renders the same plan as table, JSON and markdown", () => {
    const plan = planRemediation(alpine, matchPackages(alpine, db).findings);
    expect(renderRemediationPlan(plan, "table")).toContain(
      "1. openssl 1.1.1a-r0 → 1.1.1d-r0 (apk): fixes 8 findings, score 40\n",
    );
    expect(JSON.parse(renderRemediationPlan(plan, "json"))).toEqual(plan);
    const markdown = renderRemediationPlan(plan, "markdown");
    expect(markdown.split("\n")[0]).toBe("**Remediation plan**: 3 upgrades fix 12 of 12 findings");
    expect(markdown).toContain("<summary>Upgrades (3)</summary>");
  });
});

describe("Debian source packages from the tracker", () => {
  const bookworm: Distro = { id: "debian", versionId: "12" };
  // Tracker: sope CVE-2025-53603 resolved in bookworm in 5.8.0-1+deb12u1; chromium
  // CVE-2022-0456 resolved in 98.0.4758.80-1. The packages are written as dpkg lists them.
  const packages = [
    pkg("deb", "libsope1", "5.8.0-1+b2", {
      source: { name: "sope", version: "5.8.0-1" },
      arch: "amd64",
    }),
    pkg("deb", "libsope-appserver4.9", "5.8.0-1+b2", {
      source: { name: "sope", version: "5.8.0-1" },
      arch: "amd64",
    }),
    pkg("deb", "chromium", "97.0.4692.99-1", { source: { name: "chromium" }, arch: "amd64" }),
    pkg("deb", "chromium-common", "97.0.4692.99-1", {
      source: { name: "chromium" },
      arch: "amd64",
    }),
    pkg("deb", "txt2man", "1.5.5-4", { source: { name: "txt2man" }, arch: "all" }),
  ];
  const result = { packages, distro: bookworm };

  it("lists each source's binaries, drops binNMU suffixes, and upgrades them with apt-get", () => {
    const plan = planRemediation(result, matchPackages(result, db).findings);
    // No `=version`: bookworm has not carried chromium 98.0.4758.80-1 for years, and apt refuses
    // a whole command naming a version its suites no longer hold.
    expect(plan.upgrades.map((u) => u.command)).toEqual([
      "apt-get install -y --only-upgrade chromium chromium-common",
      "apt-get install -y --only-upgrade libsope-appserver4.9 libsope1",
    ]);
    expect(plan.upgrades[1]?.packages).toEqual([
      {
        name: "libsope-appserver4.9",
        installed: "5.8.0-1+b2",
        version: "5.8.0-1+deb12u1",
        arch: "amd64",
      },
      { name: "libsope1", installed: "5.8.0-1+b2", version: "5.8.0-1+deb12u1", arch: "amd64" },
    ]);
    expect(plan.upgrades.map((u) => [u.name, u.installedVersion, u.targetVersion])).toEqual([
      ["chromium", "97.0.4692.99-1", "98.0.4758.80-1"],
      ["sope", "5.8.0-1", "5.8.0-1+deb12u1"],
    ]);
  });

  it("names the architecture of a package installed for two (multiarch)", () => {
    const libsope = (arch: string) =>
      pkg("deb", "libsope1", "5.8.0-1+b2", { source: { name: "sope", version: "5.8.0-1" }, arch });
    const multiarch = { packages: [libsope("amd64"), libsope("i386")], distro: bookworm };
    const plan = planRemediation(multiarch, matchPackages(multiarch, db).findings);
    expect(plan.upgrades.map((u) => u.command)).toEqual([
      "apt-get install -y --only-upgrade libsope1:amd64 libsope1:i386",
    ]);
  });

  it("lists findings with no fix apart, with the vendor's reason", () => {
    const buster: Distro = { id: "debian", versionId: "10" };
    const chromium = pkg("deb", "chromium", "90.0.4430.212-1~deb10u1", {
      source: { name: "chromium" },
    });
    const old = { packages: [chromium], distro: buster };
    const plan = planRemediation(old, matchPackages(old, db).findings);
    expect(plan.upgrades).toEqual([]);
    expect(plan.unfixed).toEqual([
      expect.objectContaining({
        id: "CVE-2022-0456",
        state: "wont-fix",
        reason: "the vendor will not fix it: end-of-life",
      }),
    ]);
  });
});

describe("Go modules", () => {
  // OSV (match/testdata/osv): GO-2020-0036 fixes gopkg.in/yaml.v2 in 2.2.8; GO-2022-0493 fixes
  // golang.org/x/sys in 0.0.0-20220412211240-33da011f77ad and stdlib in 1.17.10. A Go binary
  // lists modules as go.mod does, with a v; the toolchain as go1.17.5.
  it("writes a module's target with the v that go.mod and go get need", async () => {
    const osv = await testDb("osv");
    const packages = [
      pkg("golang", "gopkg.in/yaml.v2", "v2.2.7"),
      pkg("golang", "golang.org/x/sys", "v0.0.0-20210630005230-0f9fa26af87c"),
      pkg("golang", "stdlib", "go1.17.5"),
    ];
    const result = { packages };
    const plan = planRemediation(result, matchPackages(result, osv).findings);
    osv.close();
    const rows = plan.upgrades.map((u) => [u.name, u.installedVersion, u.targetVersion]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ["gopkg.in/yaml.v2", "v2.2.7", "v2.2.8"],
        [
          "golang.org/x/sys",
          "v0.0.0-20210630005230-0f9fa26af87c",
          "v0.0.0-20220412211240-33da011f77ad",
        ],
      ]),
    );
    expect(rows.find(([name]) => name === "stdlib")?.[2]).toMatch(/^1\.17\.\d+$/);
  });
});

describe("where a language package's fix goes", () => {
  // GHSA-75v8-2h7p-7m2m (match/testdata/osv-npm): formidable fixed in 3.5.3.
  it("names the project's package.json for npm packages, with overrides for a nested one", async () => {
    const db = await testDb("osv-npm");
    const at = (path: string) => ({ locations: [{ path }] });
    const packages = [
      pkg("npm", "formidable", "3.5.1", at("/app/node_modules/formidable/package.json")),
      pkg(
        "npm",
        "formidable",
        "3.4.0",
        at("/srv/api/node_modules/superagent/node_modules/formidable/package.json"),
      ),
    ];
    const result = { packages };
    const plan = planRemediation(result, matchPackages(result, db).findings);
    db.close();
    const byInstalled = Object.fromEntries(plan.upgrades.map((u) => [u.installedVersion, u]));
    expect(byInstalled["3.5.1"]).toMatchObject({
      targetVersion: "3.5.3",
      manifests: ["/app/package.json"],
      notes: [],
    });
    expect(byInstalled["3.4.0"]).toMatchObject({
      targetVersion: "3.5.3",
      manifests: ["/srv/api/package.json"],
      notes: [
        'formidable is a dependency of a dependency under /srv/api: set "overrides": { "formidable": "3.5.3" } in /srv/api/package.json, or upgrade the package that requires it',
      ],
    });
  });

  it("says a Go binary's module is fixed by rebuilding the binary", async () => {
    const osv = await testDb("osv");
    const binary = { foundHow: "binary" as const, locations: [{ path: "/usr/local/bin/app" }] };
    const result = { packages: [pkg("golang", "gopkg.in/yaml.v2", "v2.2.7", binary)] };
    const plan = planRemediation(result, matchPackages(result, osv).findings);
    osv.close();
    expect(plan.upgrades[0]?.notes).toEqual([
      "/usr/local/bin/app is a Go binary: rebuild it from its source with go get gopkg.in/yaml.v2@v2.2.8",
    ]);
  });
});
