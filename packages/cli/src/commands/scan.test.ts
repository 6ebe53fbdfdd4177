import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cyclonedxValidator, schemaErrors } from "../../../scanner/src/format/testdata/schemas.js";
import { sarifValidator } from "../../../scanner/src/report/testdata/sarif-schema.js";

// End to end as a new user would: the built program (npm run build first) imports the corpus's
// Alpine secdb v3.10 (main and community) and two GHSA records into a temporary --db, then scans.
//
// The alpine 3.10 image (examples/alpine-310.tar.gz, 3.10.4) holds 14 apk packages from 11
// origins. Reading the secdb v3.10 entries for those origins: only busybox, musl and openssl
// have secfixes, and the newest fix of each is at or below the installed version —
//   busybox 1.30.1-r3 (busybox, ssl_client)    newest fix 1.30.1-r2  CVE-2019-5747
//   musl 1.1.22-r3 (musl, musl-utils)           newest fix 1.1.22-r3  CVE-2019-14697
//   openssl 1.1.1d-r2 (libcrypto1.1, libssl1.1) newest fix 1.1.1d-r0  CVE-2019-1547/1549/1563
// — so this snapshot has no finding for the image. The same image's SBOM with each of those
// origins one release earlier (1.30.1-r1, 1.1.22-r2, 1.1.1c-r0) must then show exactly those
// fixes: 10 findings over the 6 binary packages, with severity unknown (the secdb rates none).
const bin = fileURLToPath(new URL("../../bin/lading.js", import.meta.url));
const root = fileURLToPath(new URL("../../../../", import.meta.url));
const testdata = join(root, "packages/scanner/src/report/testdata");
const image = join(root, "examples/alpine-310.tar.gz");
const gradle = `dir:${join(testdata, "java-gradle")}`;
let work: string;
let db: string;

function lading(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const scanWith = (...args: string[]) => lading("scan", "--db", db, "--no-cache", ...args);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "lading-scan-cli-"));
  db = join(work, "db");
  const imported = lading(
    "db",
    "--db",
    db,
    "import",
    join(testdata, "alpine-secdb/v3.10"),
    join(testdata, "osv"),
  );
  if (imported.status !== 0) throw new Error(imported.stderr);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("lading scan of the alpine 3.10 image", () => {
  it("finds nothing the secdb has not fixed, and reports Alpine 3.10's end of life", () => {
    const run = scanWith(image, "-o", "table");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("No vulnerabilities found in alpine:3.10: 14 packages checked\n");
    expect(run.stdout).toContain(
      "Outdated\n  distro   alpine 3.10.4: end of life: security support ended on 2021-05-01\n",
    );
    expect(run.stdout).toContain("behind   no OS package behind a known fix (14 checked)");
  });

  it("exits 0 on --fail-on high, and 2 on --fail-on-eol naming the release", () => {
    expect(scanWith(image, "-o", "json", "--fail-on", "high").status).toBe(0);
    const eol = scanWith(image, "-o", "json", "--fail-on-eol");
    expect(eol.status).toBe(2);
    expect(eol.stderr).toContain(
      "lading: alpine 3.10 past end of security support (--fail-on-eol)",
    );
  });

  it("gives the same result from the image's SBOM (sbom:)", () => {
    const sbom = join(work, "alpine.json");
    expect(lading("sbom", "--no-cache", image, "-o", `json=${sbom}`).status).toBe(0);
    const fromImage = JSON.parse(scanWith(image, "-o", "json").stdout);
    const fromSbom = JSON.parse(scanWith(`sbom:${sbom}`, "-o", "json").stdout);
    expect([fromSbom.checked, fromSbom.findings]).toEqual([fromImage.checked, fromImage.findings]);
    expect(fromSbom.outdated.distro.state).toBe("eol");
  });

  it("shows the secdb's fixes, with their layer, for the SBOM one release earlier", () => {
    const earlier: Record<string, string> = {
      "1.30.1-r3": "1.30.1-r1",
      "1.1.22-r3": "1.1.22-r2",
      "1.1.1d-r2": "1.1.1c-r0",
    };
    const sbom = join(work, "alpine.json");
    const doc = JSON.parse(readFileSync(sbom, "utf8"));
    for (const p of doc.packages) p.version = earlier[p.version] ?? p.version;
    writeFileSync(join(work, "earlier.json"), JSON.stringify(doc));
    const run = scanWith(`sbom:${join(work, "earlier.json")}`, "-o", "table", "--fail-on", "high");
    expect(run.status).toBe(0); // the secdb rates nothing, so nothing is high
    const rows = run.stdout
      .split("\n")
      .slice(1, 11)
      .map((l) => l.split(/\s+/).slice(0, 4).join(" "));
    expect(rows.sort()).toEqual([
      "busybox 1.30.1-r1 1.30.1-r2 CVE-2019-5747",
      "libcrypto1.1 1.1.1c-r0 1.1.1d-r0 CVE-2019-1547",
      "libcrypto1.1 1.1.1c-r0 1.1.1d-r0 CVE-2019-1549",
      "libcrypto1.1 1.1.1c-r0 1.1.1d-r0 CVE-2019-1563",
      "libssl1.1 1.1.1c-r0 1.1.1d-r0 CVE-2019-1547",
      "libssl1.1 1.1.1c-r0 1.1.1d-r0 CVE-2019-1549",
      "libssl1.1 1.1.1c-r0 1.1.1d-r0 CVE-2019-1563",
      "musl 1.1.22-r2 1.1.22-r3 CVE-2019-14697",
      "musl-utils 1.1.22-r2 1.1.22-r3 CVE-2019-14697",
      "ssl_client 1.30.1-r1 1.30.1-r2 CVE-2019-5747",
    ]);
    expect(run.stdout).toContain("(ALPINE-CVE-2019-14697)  unknown   531743b7098c");
    expect(run.stdout).toContain("10 vulnerabilities (unknown 10) in");
    expect(
      scanWith(`sbom:${join(work, "earlier.json")}`, "-o", "json", "--fail-on", "unknown").status,
    ).toBe(2);
  });
});

describe("lading scan of a gradle lockfile (commons-text 1.8 critical, junit 4.12 medium)", () => {
  it("exits 2 on --fail-on high and critical, 0 on nothing asked", () => {
    const high = scanWith(gradle, "-o", "table", "--fail-on", "high");
    expect(high.status).toBe(2);
    expect(high.stderr).toBe("lading: 1 finding at or above high (--fail-on high)\n");
    expect(scanWith(gradle, "-o", "json", "--fail-on", "critical").status).toBe(2);
    expect(scanWith(gradle, "-o", "json").status).toBe(0);
    expect(scanWith(gradle, "-o", "json", "--fail-on", "medium").stderr).toContain("2 findings");
  });

  it("honours an ignore rule until it expires, and warns once it has", () => {
    const config = join(work, "ignore.yaml");
    const rule = (expires: string) =>
      `ignore:\n  - id: CVE-2022-42889\n    package: commons-text\n    reason: no user input\n    expires: ${expires}\n`;
    writeFileSync(config, rule("2999-12-31"));
    const kept = scanWith(gradle, "-o", "table", "--config", config, "--fail-on", "high");
    expect(kept.status).toBe(0);
    expect(kept.stdout).toContain(
      "CVE-2022-42889  commons-text 1.8  ignored: no user input (until 2999-12-31)",
    );
    writeFileSync(config, rule("2020-01-01"));
    const expired = scanWith(gradle, "-o", "table", "--config", config, "--fail-on", "high");
    expect(expired.status).toBe(2);
    expect(expired.stderr).toContain(
      "lading: warning: ignore rule CVE-2022-42889 in commons-text expired on 2020-01-01 and no longer applies; 1 finding is reported again\n",
    );
  });

  it("closes a finding by an OpenVEX statement and says why", () => {
    const vex = join(work, "app.vex.json");
    writeFileSync(
      vex,
      JSON.stringify({
        "@context": "https://openvex.dev/ns/v0.2.0",
        "@id": "https://example.com/vex/1",
        statements: [
          {
            vulnerability: { name: "CVE-2022-42889" },
            products: [{ "@id": "pkg:maven/org.apache.commons/commons-text@1.8" }],
            status: "not_affected",
            justification: "vulnerable_code_not_in_execute_path",
          },
        ],
      }),
    );
    const run = scanWith(gradle, "-o", "json", "--vex", vex, "--fail-on", "high");
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.findings.map((f: { id: string }) => f.id)).toEqual(["CVE-2020-15250"]);
    expect(doc.suppressed[0].suppression.reason).toBe(
      `VEX not_affected: vulnerable_code_not_in_execute_path (${vex} (https://example.com/vex/1))`,
    );
  });

  it("plans the upgrades that fix the findings with --plan (commons-text 1.10.0, junit 4.13.1)", () => {
    const run = scanWith(gradle, "-o", "json=/dev/null", "--plan", "json");
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    const targets = plan.upgrades.map((u: { name: string; targetVersion: string }) => [
      u.name,
      u.targetVersion,
    ]);
    expect(targets).toEqual([
      ["org.apache.commons:commons-text", "1.10.0"],
      ["junit:junit", "4.13.1"],
    ]);
  });

  it("refuses --plan on standard output beside a JSON report", () => {
    const run = scanWith(gradle, "-o", "json", "--plan");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("give --plan FORMAT=FILE");
  });

  it("refuses a plan file it could not write, or that an -o names, before scanning", () => {
    const report = join(work, "report.json");
    const cases: [string[], string][] = [
      [["--plan", "json=no/such/dir/plan.json"], "lading: cannot write no/such/dir/plan.json:"],
      [["--plan", "markdown="], 'lading: --plan: the file name after "=" is empty'],
      [["-o", `json=${report}`, "--plan", `json=${report}`], "is named by both -o and --plan"],
    ];
    for (const [args, message] of cases) {
      const run = scanWith("dir:/no/such/source", ...args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(message);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("writes SARIF and CycloneDX files that validate against their official schemas", () => {
    const sarif = join(work, "out.sarif");
    const cdx = join(work, "out.cdx.json");
    const run = scanWith(
      gradle,
      "-o",
      "table",
      "-o",
      `sarif=${sarif}`,
      "-o",
      `cyclonedx-json=${cdx}`,
    );
    expect(run.status).toBe(0);
    const log = JSON.parse(readFileSync(sarif, "utf8"));
    expect(schemaErrors(sarifValidator(), log)).toEqual([]);
    expect(log.runs[0].results).toHaveLength(2);
    const bom = JSON.parse(readFileSync(cdx, "utf8"));
    expect(schemaErrors(cyclonedxValidator("1.6"), bom)).toEqual([]);
    expect(bom.vulnerabilities.map((v: { id: string }) => v.id).sort()).toEqual([
      "CVE-2020-15250",
      "CVE-2022-42889",
    ]);
  });

  it("also validates the alpine image's SARIF and CycloneDX, which carry the outdated report", () => {
    const run = scanWith(image, "-o", "sarif");
    expect(schemaErrors(sarifValidator(), JSON.parse(run.stdout))).toEqual([]);
    const bom = JSON.parse(scanWith(image, "-o", "cyclonedx-json").stdout);
    expect(schemaErrors(cyclonedxValidator("1.6"), bom)).toEqual([]);
    const os = bom.components.find((c: { type: string }) => c.type === "operating-system");
    expect(os.properties).toContainEqual({ name: "lading:eol:state", value: "eol" });
    expect(bom.metadata.properties).toContainEqual({
      name: "lading:outdated:pastSecuritySupport",
      value: "true",
    });
  });
});

describe("lading scan refuses bad input before reading anything", () => {
  it.each([
    [["--fail-on", "severe"], 'lading: unknown severity "severe"'],
    [["-o", "spdx-json"], 'lading: unknown report format "spdx-json"'],
    [["--vex", "missing.json"], "lading: cannot read missing.json"],
  ])("%j", (args, message) => {
    const run = scanWith(gradle, ...args);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });

  it("names the missing database", () => {
    const run = lading("scan", "--db", join(work, "none"), gradle);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^lading: no vulnerability database in .*none/);
  });
});
