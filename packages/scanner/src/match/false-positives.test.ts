import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Distro } from "../types.js";
import type { VulnDb } from "../vulndb/store/vuln-db.js";
import { matchPackages } from "./match.js";
import { pkg, testDb } from "./match-test-helpers.js";

// The false positives that make users distrust scanners, each pinned by a test on real feed
// entries: Debian tracker entries (testdata/debian-tracker), Alpine secdb v3.10 and OSV records.
let db: VulnDb;
beforeAll(async () => {
  db = await testDb("osv", "alpine-secdb", "debian-tracker");
});
afterAll(() => db.close());

const debian = (major: string): Distro => ({ id: "debian", versionId: major });
const alpine310: Distro = { id: "alpine", versionId: "3.10.4" };
const ids = (packages: ReturnType<typeof pkg>[], distro?: Distro) =>
  matchPackages({ packages, distro }, db).findings.map((f) => f.id);

describe("known false-positive kinds", () => {
  it("matches a binary package through its differently named source (chromium-common ← chromium)", () => {
    // Tracker: chromium CVE-2022-0456 bookworm resolved in 98.0.4758.80-1.
    const binary = pkg("deb", "chromium-common", "97.0.4692.99-1", {
      source: { name: "chromium" },
    });
    expect(ids([binary], debian("12"))).toEqual(["CVE-2022-0456"]);
    // A binary named like a tracker source but built from another source is not that source.
    const unrelated = pkg("deb", "chromium", "97.0.4692.99-1", {
      source: { name: "chromium-shim" },
    });
    expect(ids([unrelated], debian("12"))).toEqual([]);
  });

  it("matches apk subpackages through their origin (libssl1.1 ← openssl)", () => {
    // secdb v3.10 openssl: 1.1.1d-r0 fixes CVE-2019-1547, CVE-2019-1549, CVE-2019-1563.
    const old = pkg("apk", "libssl1.1", "1.1.1c-r0", { source: { name: "openssl" } });
    expect(ids([old], alpine310)).toEqual(["CVE-2019-1547", "CVE-2019-1549", "CVE-2019-1563"]);
  });

  it("compares Debian backports (~debNuM) in the release they were built for", () => {
    // Tracker: chromium bullseye resolved in 98.0.4758.80-1~deb11u1.
    const fixed = pkg("deb", "chromium", "98.0.4758.80-1~deb11u1", {
      source: { name: "chromium" },
    });
    const older = pkg("deb", "chromium", "97.0.4692.99-1~deb11u1", {
      source: { name: "chromium" },
    });
    expect(ids([fixed], debian("11"))).toEqual([]);
    expect(ids([older], debian("11"))).toEqual(["CVE-2022-0456"]);
  });

  it("drops a binNMU +bN suffix to compare the source version the tracker gives", () => {
    // Tracker: sope bookworm resolved in 5.8.0-1+deb12u1; a binNMU of it is the same source.
    const rebuilt = pkg("deb", "libsope1", "5.8.0-1+deb12u1+b1", { source: { name: "sope" } });
    const before = pkg("deb", "libsope1", "5.8.0-1+b2", { source: { name: "sope" } });
    expect(ids([rebuilt], debian("12"))).toEqual([]);
    expect(ids([before], debian("12"))).toEqual(["CVE-2025-53603"]);
  });

  it("orders apk -rN revisions: busybox 1.30.1-r3 is past the fix 1.30.1-r2", () => {
    // secdb v3.10 busybox: 1.30.1-r2 fixes CVE-2019-5747; the alpine 3.10 image has 1.30.1-r3.
    const current = pkg("apk", "busybox", "1.30.1-r3", { source: { name: "busybox" } });
    const older = pkg("apk", "busybox", "1.30.1-r1", { source: { name: "busybox" } });
    expect(ids([current], alpine310)).toEqual([]);
    expect(ids([older], alpine310)).toEqual(["CVE-2019-5747"]);
  });

  it("orders a Go pseudo-version by its commit time", () => {
    // GO-2022-0493: golang.org/x/sys fixed in 0.0.0-20220412211240-33da011f77ad.
    const after = pkg("golang", "golang.org/x/sys", "v0.0.0-20220412211241-000000000000");
    const before = pkg("golang", "golang.org/x/sys", "v0.0.0-20220412211239-000000000000");
    expect(ids([after])).toEqual([]);
    expect(ids([before])).toEqual(["CVE-2022-29526"]);
  });

  it("never matches a (devel) main module; it is reported as skipped", () => {
    const main = pkg("golang", "golang.org/x/sys", "(devel)");
    const result = matchPackages({ packages: [main] }, db);
    expect(result.findings).toEqual([]);
    expect(result.skipped.map((s) => s.reason)).toEqual([
      "Go main module built from a work tree: (devel) names no version",
    ]);
  });

  it("checks an OS-owned Python package through the distro only, not PyPI", () => {
    // requests 2.22.0 is in PYSEC-2023-74's range, but Debian's python3-requests installed it.
    const owned = pkg("pypi", "requests", "2.22.0", {
      metadata: { ownedBy: "pkg:deb/debian/python3-requests@2.28.1%2Bdfsg-1?distro=debian-12" },
    });
    const result = matchPackages({ packages: [owned], distro: debian("12") }, db);
    expect(result.findings).toEqual([]);
    expect(result.skipped[0]?.reason).toMatch(
      /^installed by OS package pkg:deb\/debian\/python3-requests/,
    );
  });

  it("ignores a withdrawn record (PYSEC-2023-73, redis)", () => {
    expect(ids([pkg("pypi", "redis", "5.2.1")])).toEqual([]);
  });

  it("reports unparseable versions as skipped, never guessed", () => {
    const result = matchPackages({ packages: [pkg("pypi", "requests", "1.0-foo-bar")] }, db);
    expect(result.findings).toEqual([]);
    expect(result.skipped[0]?.reason).toBe('version "1.0-foo-bar" is not a valid pep440 version');
  });
});

describe("fix states from the Debian tracker", () => {
  it("is won't-fix only where the vendor says so: chromium in buster is end-of-life", () => {
    const chromium = pkg("deb", "chromium", "90.0.4430.212-1~deb10u1", {
      source: { name: "chromium" },
    });
    const [finding] = matchPackages({ packages: [chromium], distro: debian("10") }, db).findings;
    expect(finding?.fix).toEqual({ state: "wont-fix", versions: [], note: "end-of-life" });
  });

  it("keeps the vendor's urgency as the severity of distro packages", () => {
    // Tracker: txt2man CVE-2013-1444 resolved in 1.5.5-4.1 for stretch, urgency "low**".
    const txt2man = pkg("deb", "txt2man", "1.5.5-4", { source: { name: "txt2man" } });
    const [finding] = matchPackages({ packages: [txt2man], distro: debian("9") }, db).findings;
    expect([finding?.id, finding?.severity, finding?.fix.versions]).toEqual([
      "CVE-2013-1444",
      "low",
      ["1.5.5-4.1"],
    ]);
  });

  it("drops entries resolved in version 0 (never affected)", () => {
    const prototype = pkg("deb", "libjs-prototype", "1.7.1-3", { source: { name: "prototypejs" } });
    expect(ids([prototype], debian("9"))).toEqual([]);
  });
});
