import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { matchPackages } from "../match/match.js";
import type { Finding } from "../match/types.js";
import { gradleCase } from "../report/testdata/fixtures.js";
import type { ScanResult } from "../types.js";
import type { VulnDb } from "../vulndb/store/vuln-db.js";
import { applyPolicy } from "./apply-policy.js";
import { findingsAtOrAbove, parseSeverity } from "./severity.js";
import type { Policy, VexStatement } from "./types.js";

// Real findings: syft's gradle.lockfile against the two GHSA records that name its packages
// (see report/testdata/fixtures.ts): commons-text 1.8 CVE-2022-42889 critical, fixed in
// 1.10.0; junit 4.12 CVE-2020-15250 medium, fixed in 4.13.1.
let db: VulnDb;
let result: ScanResult;
let findings: Finding[];
beforeAll(async () => {
  ({ db, result } = await gradleCase());
  findings = matchPackages(result, db).findings;
});
afterAll(() => db.close());

const now = new Date("2026-03-01T12:00:00Z");
const policy = (extra: Partial<Policy>): Policy => ({
  ignore: [],
  vex: [],
  onlyFixed: false,
  now,
  ...extra,
});
const ids = (list: readonly Finding[]) => list.map((f) => `${f.package.name} ${f.id}`).sort();

describe("applyPolicy on the gradle lockfile's findings", () => {
  it("starts from the two findings the records give", () => {
    expect(ids(findings)).toEqual(["commons-text CVE-2022-42889", "junit CVE-2020-15250"]);
  });

  it("ignores by alias and purl until the expiry day, and says why", () => {
    const rule = {
      id: "GHSA-599f-7c49-w659",
      package: "pkg:maven/org.apache.commons/commons-text",
      reason: "no user input reaches StringSubstitutor",
      expires: "2026-03-01",
    };
    const outcome = applyPolicy(findings, policy({ ignore: [rule] }));
    expect(ids(outcome.findings)).toEqual(["junit CVE-2020-15250"]);
    expect(outcome.suppressed.map((s) => s.suppression)).toEqual([
      {
        by: "ignore",
        reason: "ignored: no user input reaches StringSubstitutor (until 2026-03-01)",
        rule,
      },
    ]);
    expect(outcome.warnings).toEqual([]);
  });

  it("stops applying an expired rule the day after, and warns what comes back", () => {
    const rule = { id: "CVE-2022-42889", reason: "accepted", expires: "2026-02-28" };
    const outcome = applyPolicy(findings, policy({ ignore: [rule] }));
    expect(outcome.findings).toHaveLength(2);
    expect(outcome.warnings).toEqual([
      "ignore rule CVE-2022-42889 expired on 2026-02-28 and no longer applies; 1 finding is reported again",
    ]);
  });

  it("matches a package rule by name, and not another package's findings", () => {
    const outcome = applyPolicy(findings, policy({ ignore: [{ package: "junit" }] }));
    expect(ids(outcome.findings)).toEqual(["commons-text CVE-2022-42889"]);
    expect(outcome.suppressed[0]?.suppression.reason).toBe("ignored: no reason given");
  });

  it("lets a VEX not_affected or fixed statement close a finding, the latest one winning", () => {
    const statement = (status: VexStatement["status"], timestamp: string): VexStatement => ({
      vulnerability: ["CVE-2022-42889"],
      products: [{ id: "pkg:maven/org.apache.commons/commons-text", subcomponents: [] }],
      status,
      justification: "vulnerable_code_not_in_execute_path",
      timestamp,
      document: "app.vex.json",
    });
    const closed = applyPolicy(
      findings,
      policy({ vex: [statement("not_affected", "2024-01-01T00:00:00Z")] }),
    );
    expect(closed.suppressed[0]?.suppression.reason).toBe(
      "VEX not_affected: vulnerable_code_not_in_execute_path (app.vex.json)",
    );
    // A later "affected" statement reopens it.
    const reopened = applyPolicy(
      findings,
      policy({
        vex: [
          statement("affected", "2024-06-01T00:00:00Z"),
          statement("not_affected", "2024-01-01T00:00:00Z"),
        ],
      }),
    );
    expect(reopened.findings).toHaveLength(2);
  });

  it("applies a statement about the image only to the subcomponents it lists", () => {
    const digest = `sha256:${"ab".repeat(32)}`;
    const vex: VexStatement[] = [
      {
        vulnerability: ["CVE-2020-15250", "CVE-2022-42889"],
        products: [{ id: `pkg:oci/app@${digest}`, subcomponents: ["pkg:maven/junit/junit@4.12"] }],
        status: "fixed",
        document: "image.vex.json",
      },
    ];
    const subject = { digests: [digest], names: [] };
    const outcome = applyPolicy(findings, policy({ vex, subject }));
    expect(ids(outcome.suppressed.map((s) => s.finding))).toEqual(["junit CVE-2020-15250"]);
    // The same statement about another image applies to nothing.
    const other = { digests: [`sha256:${"cd".repeat(32)}`], names: [] };
    expect(applyPolicy(findings, policy({ vex, subject: other })).suppressed).toEqual([]);
  });

  it("drops findings with no fix under onlyFixed, and keeps the fixed", () => {
    const unfixed = findings.map((f) =>
      f.package.name === "junit" ? { ...f, fix: { state: "not-fixed" as const, versions: [] } } : f,
    );
    const outcome = applyPolicy(unfixed, policy({ onlyFixed: true }));
    expect(ids(outcome.findings)).toEqual(["commons-text CVE-2022-42889"]);
    expect(outcome.suppressed[0]?.suppression).toEqual({
      by: "only-fixed",
      reason: "no fixed version (not-fixed)",
    });
  });
});

describe("severity thresholds", () => {
  it("counts findings at or above a threshold, unknown being the lowest", () => {
    expect(findingsAtOrAbove(findings, "critical")).toHaveLength(1);
    expect(findingsAtOrAbove(findings, "high")).toHaveLength(1);
    expect(findingsAtOrAbove(findings, "medium")).toHaveLength(2);
    const unrated = findings.map((f) => ({ ...f, severity: "unknown" as const }));
    expect(findingsAtOrAbove(unrated, "negligible")).toHaveLength(0);
    expect(findingsAtOrAbove(unrated, "unknown")).toHaveLength(2);
  });

  it("reads severities in any case and refuses others", () => {
    expect(parseSeverity("HIGH")).toBe("high");
    expect(() => parseSeverity("severe")).toThrow(
      'unknown severity "severe"; one of critical, high, medium, low, negligible, unknown',
    );
  });
});
