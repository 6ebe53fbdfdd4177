import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cyclonedxValidator, schemaErrors } from "../format/testdata/schemas.js";
import type { FormatContext } from "../format/types.js";
import type { VexStatement } from "../policy/types.js";
import type { ScanResult } from "../types.js";
import type { VulnDb } from "../vulndb/store/vuln-db.js";
import { buildVulnReport } from "./build-report.js";
import { findReportFormat } from "./registry.js";
import { gradleCase } from "./testdata/fixtures.js";
import { sarifValidator } from "./testdata/sarif-schema.js";
import type { VulnReport } from "./types.js";

// The gradle lockfile case (testdata/fixtures.ts): commons-text 1.8 CVE-2022-42889 critical
// (CVSS 3.1 9.8), fixed in 1.10.0; junit 4.12 CVE-2020-15250 medium (4.4), fixed in 4.13.1.
const context: FormatContext = { toolName: "lading", toolVersion: "0.1.0", now: new Date() };
const now = new Date("2026-03-01T00:00:00Z");
// biome-ignore lint/suspicious/noExplicitAny: assertions walk parsed JSON of a known shape.
type Json = Record<string, any>;

let db: VulnDb;
let result: ScanResult;
let plain: VulnReport;
let withVex: VulnReport;
beforeAll(async () => {
  ({ db, result } = await gradleCase());
  const policy = { ignore: [], vex: [], onlyFixed: false, now };
  plain = buildVulnReport(result, { db, policy });
  const vex: VexStatement[] = [
    {
      vulnerability: ["CVE-2020-15250"],
      products: [{ id: "pkg:maven/junit/junit", subcomponents: [] }],
      status: "not_affected",
      justification: "vulnerable_code_not_in_execute_path",
      document: "team.vex.json",
    },
  ];
  withVex = buildVulnReport(result, { db, policy: { ...policy, vex } });
});
afterAll(() => db.close());

const write = (name: string, report: VulnReport) => {
  const { format, version } = findReportFormat(name);
  return format.write(report, context, version);
};

describe("table", () => {
  it("lists findings most severe first with fix, ids and severity, then says what was suppressed", () => {
    expect(write("table", plain)).toBe(
      [
        "PACKAGE       INSTALLED  FIXED-IN  ID                                    SEVERITY  LAYER",
        "commons-text  1.8        1.10.0    CVE-2022-42889 (GHSA-599f-7c49-w659)  critical  -",
        "junit         4.12       4.13.1    CVE-2020-15250 (GHSA-269g-pwp5-87pp)  medium    -",
        "",
        `2 vulnerabilities (critical 1, medium 1) in ${result.source.target}: 4 packages checked`,
        "",
      ].join("\n"),
    );
    expect(write("table", withVex)).toContain(
      "Suppressed (1)\n  CVE-2020-15250  junit 4.12  VEX not_affected: vulnerable_code_not_in_execute_path (team.vex.json)\n",
    );
  });

  it("leaves out the Outdated heading when there is nothing outdated to say", () => {
    const outdated = {
      assessedOn: "2026-12-03",
      runtimes: [],
      age: { notes: [] },
      pastSecuritySupport: false,
    };
    expect(write("table", { ...plain, outdated })).toBe(write("table", plain));
  });
});

describe("json", () => {
  it("carries findings, suppressed findings with the reason, and counts", () => {
    const doc: Json = JSON.parse(write("json", withVex));
    expect(doc.schema).toBe("lading/vulnerability-report@1");
    expect([doc.packages, doc.checked]).toEqual([4, 4]);
    expect(doc.findings.map((f: Json) => [f.id, f.fix.versions])).toEqual([
      ["CVE-2022-42889", ["1.10.0"]],
    ]);
    expect(doc.suppressed[0].suppression.by).toBe("vex");
    expect(doc.findings[0].package.files).toBeUndefined();
  });
});

describe("sarif", () => {
  it("validates against the official SARIF 2.1.0 schema", () => {
    expect(schemaErrors(sarifValidator(), JSON.parse(write("sarif", plain)))).toEqual([]);
    expect(schemaErrors(sarifValidator(), JSON.parse(write("sarif", withVex)))).toEqual([]);
  });

  it("gives GitHub what it needs: rules with security-severity, results with a file location", () => {
    const run = JSON.parse(write("sarif", plain)).runs[0];
    expect(
      run.tool.driver.rules.map((r: Json) => [r.id, r.properties["security-severity"]]),
    ).toEqual([
      ["CVE-2022-42889", "9.8"],
      ["CVE-2020-15250", "4.4"],
    ]);
    expect(run.results.map((r: Json) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ["CVE-2022-42889", 0, "error"],
      ["CVE-2020-15250", 1, "warning"],
    ]);
    for (const r of run.results)
      expect(r.locations[0].physicalLocation.artifactLocation.uri).toBe("gradle.lockfile");
  });

  it("leaves suppressed findings out, so no alert opens for them", () => {
    const run = JSON.parse(write("sarif", withVex)).runs[0];
    expect(run.results.map((r: Json) => r.ruleId)).toEqual(["CVE-2022-42889"]);
    expect(run.properties.suppressed).toBe(1);
  });
});

describe("cyclonedx-json", () => {
  it.each(["1.6", "1.5"])("validates against the official CycloneDX %s schema", (v) => {
    const doc = JSON.parse(write(`cyclonedx-json@${v}`, withVex));
    expect(schemaErrors(cyclonedxValidator(v), doc)).toEqual([]);
  });

  it("rates each finding, points it at its component, and keeps a VEX analysis", () => {
    const doc: Json = JSON.parse(write("cyclonedx-json", withVex));
    const refs = new Set(doc.components.map((c: Json) => c["bom-ref"]));
    const byId = Object.fromEntries(doc.vulnerabilities.map((v: Json) => [v.id, v]));
    const text = byId["CVE-2022-42889"];
    // Every rating is kept: the record's CVSS vector, and GitHub's own word (method "other").
    expect(text.ratings).toContainEqual(
      expect.objectContaining({ method: "CVSSv31", score: 9.8, severity: "critical" }),
    );
    expect(text.ratings).toContainEqual(expect.objectContaining({ method: "other" }));
    expect(text.affects.every((a: Json) => refs.has(a.ref))).toBe(true);
    expect(text.recommendation).toBe("Upgrade commons-text to 1.10.0");
    expect(text.analysis).toBeUndefined();
    expect(byId["CVE-2020-15250"].analysis).toEqual({
      state: "not_affected",
      justification: "code_not_reachable",
      detail: "VEX not_affected: vulnerable_code_not_in_execute_path (team.vex.json)",
    });
  });
});
