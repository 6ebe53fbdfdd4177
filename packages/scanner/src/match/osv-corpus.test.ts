import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VulnDb } from "../vulndb/store/vuln-db.js";
import { matchPackages } from "./match.js";
import { pkg, testDb } from "./match-test-helpers.js";

// Packages as the corpus lists them (expected.json of the named fixture), against the OSV
// records of the corpus that name them. Expected findings read off each record's ranges.
let db: VulnDb;
beforeAll(async () => {
  db = await testDb("osv");
});
afterAll(() => db.close());

const match = (...packages: ReturnType<typeof pkg>[]) => matchPackages({ packages }, db);

describe("OSV records against the corpus's language packages", () => {
  it("Go: golang.org/x/sys pseudo-version (scalibr-gomod-indirect-packages) is before GO-2022-0493's fix", () => {
    const { findings } = match(
      pkg("golang", "golang.org/x/sys", "0.0.0-20210630005230-0f9fa26af87c"),
    );
    expect(findings.map((f) => [f.id, f.ids, f.fix])).toEqual([
      [
        "CVE-2022-29526",
        ["CVE-2022-29526", "GHSA-p782-xgp4-8hr8", "GO-2022-0493"],
        { state: "fixed", versions: ["0.0.0-20220412211240-33da011f77ad"] },
      ],
    ]);
  });

  it("Go: a pseudo-version after the fix (scalibr-gomod-indirect-1.23) is not affected", () => {
    expect(
      match(pkg("golang", "golang.org/x/sys", "v0.0.0-20220715151400-c0bba94af5f8")).findings,
    ).toEqual([]);
  });

  it("Go: gopkg.in/yaml.v3 3.0.0-2020... (scalibr-gomod-indirect-1.16) is affected by GO-2022-0603", () => {
    const [finding] = match(
      pkg("golang", "gopkg.in/yaml.v3", "3.0.0-20200313102051-9f266ea9e77c"),
    ).findings;
    expect(finding?.ids).toEqual(["CVE-2022-28948", "GHSA-hp87-p4gw-j4gq", "GO-2022-0603"]);
    expect(finding?.fix.versions).toEqual(["3.0.0-20220521103104-8f96da9f5d5e"]);
  });

  it("Go: gopkg.in/yaml.v2 2.4.0 is past GO-2020-0036's fix 2.2.8", () => {
    expect(match(pkg("golang", "gopkg.in/yaml.v2", "2.4.0")).findings).toEqual([]);
  });

  it("Go: stdlib go1.17 (scalibr-gomod-two-packages) is before 1.17.10", () => {
    const [finding] = match(pkg("golang", "stdlib", "1.17")).findings;
    expect(finding?.id).toBe("CVE-2022-29526");
    expect(finding?.fix.versions).toEqual(["1.17.10"]);
  });

  it("Maven: junit:junit 4.12 (scalibr-pomxml-with-scope) is in GHSA-269g-pwp5-87pp's 4.7..4.13.1", () => {
    const junit = pkg("maven", "junit", "4.12", { purl: "pkg:maven/junit/junit@4.12" });
    const [finding] = match(junit).findings;
    expect(finding?.id).toBe("CVE-2020-15250");
    expect(finding?.fix).toEqual({ state: "fixed", versions: ["4.13.1"] });
    // The record's CVSS_V3 vector CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:H/I:N/A:N scores 4.4 (FIRST calculator).
    expect(finding?.ratings.find((r) => r.method === "CVSS_V3")?.score).toBe(4.4);
    expect(finding?.severity).toBe("medium");
  });

  it("PyPI: requests 2.22.0 (syft-python-site-packages-nested) is in PYSEC-2023-74's 2.3.0..2.31.0", () => {
    const [finding] = match(pkg("pypi", "requests", "2.22.0")).findings;
    expect(finding?.ids).toEqual(["CVE-2023-32681", "GHSA-j8r2-6x86-q33q", "PYSEC-2023-74"]);
    expect(finding?.fix.versions).toEqual(["2.31.0"]);
  });

  it("PyPI: names are compared as PEP 503 normalises them", () => {
    expect(match(pkg("pypi", "Requests", "2.27.1")).findings.map((f) => f.id)).toEqual([
      "CVE-2023-32681",
    ]);
  });
});
