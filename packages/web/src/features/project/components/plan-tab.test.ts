import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { planSummary, type RemediationPlan, worstSeverity } from "./plan-summary";
import { PlanView } from "./plan-tab";

// The order GET /api/severities serves, worst first.
const severities = ["critical", "high", "medium", "low", "unknown"];

const finding = (id: string, severity: string, pkg: string, version: string) => ({
  id,
  severity,
  package: pkg,
  version,
});

// Shaped as the server answers for a Debian image with one OS and one Maven fix.
const plan: RemediationPlan = {
  schemaVersion: 1,
  upgrades: [
    {
      kind: "os",
      type: "deb",
      name: "openssl",
      installedVersion: "3.0.11-1~deb12u1",
      targetVersion: "3.0.11-1~deb12u2",
      scheme: "deb",
      packages: [{ name: "libssl3", installed: "3.0.11-1~deb12u1", arch: "amd64" }],
      command: "apt-get install --only-upgrade libssl3=3.0.11-1~deb12u2",
      findings: [
        finding("CVE-2023-5678", "medium", "libssl3", "3.0.11-1~deb12u1"),
        finding("CVE-2024-0727", "high", "libssl3", "3.0.11-1~deb12u1"),
      ],
      vulnerabilities: ["CVE-2023-5678", "CVE-2024-0727"],
      score: 7,
      notes: [],
    },
    {
      kind: "language",
      type: "maven",
      name: "junit:junit",
      installedVersion: "4.12",
      targetVersion: "4.13.1",
      scheme: "maven",
      packages: [{ name: "junit:junit", installed: "4.12" }],
      manifests: ["/app/pom.xml"],
      findings: [finding("CVE-2020-15250", "medium", "junit:junit", "4.12")],
      vulnerabilities: ["CVE-2020-15250"],
      score: 4,
      notes: ["a test dependency"],
    },
  ],
  unfixed: [
    {
      ...finding("CVE-2023-4039", "low", "libgcc-s1", "12.2.0-14"),
      state: "wont-fix",
      reason: "the distribution will not fix it",
    },
  ],
  fixable: 3,
  total: 4,
};

const rebuild = {
  base: {
    snapshotId: "base-1",
    projectId: "project-7",
    projectPath: "images/debian",
    imageDigest: "sha256:aa",
    createdAt: "2026-01-01T00:00:00Z",
    findings: 9,
    layers: 1,
  },
  candidate: {
    snapshotId: "base-2",
    projectId: "project-7",
    projectPath: "images/debian",
    imageDigest: "sha256:bb",
    createdAt: "2026-02-01T00:00:00Z",
    findings: 2,
  },
  removes: 7,
  message: "rebuild on images/debian (sha256:bb) removes 7 findings",
};

const render = (props: Parameters<typeof PlanView>[0]) =>
  renderToStaticMarkup(createElement(MemoryRouter, null, createElement(PlanView, props)));

describe("planSummary", () => {
  it("counts findings fixed and upgrades, in the singular where one", () => {
    expect(planSummary(plan)).toBe("3 of 4 findings fixed by 2 upgrades.");
    expect(planSummary({ ...plan, upgrades: plan.upgrades.slice(1), fixable: 1, total: 1 })).toBe(
      "1 of 1 finding fixed by 1 upgrade.",
    );
  });

  it("says there is nothing to fix without findings, and when no upgrade helps", () => {
    const none = { ...plan, upgrades: [], unfixed: [], fixable: 0, total: 0 };
    expect(planSummary(none)).toBe("Nothing to fix: this snapshot has no findings.");
    expect(planSummary({ ...none, unfixed: plan.unfixed, total: 1 })).toBe(
      "0 of 1 finding fixed: no upgrade is known for any of them.",
    );
  });
});

describe("worstSeverity", () => {
  it("takes the server's order, and ranks labels it does not list last", () => {
    expect(worstSeverity(plan.upgrades[0].findings, severities)).toBe("high");
    expect(worstSeverity([{ severity: "bogus" }, { severity: "low" }], severities)).toBe("low");
    expect(worstSeverity([], severities)).toBeUndefined();
  });
});

describe("PlanView", () => {
  it("puts rebuilds first, then upgrades in rank order, then what stays unfixed", () => {
    const html = render({ plan, rebuild: [rebuild], severities });
    const at = (text: string) => html.indexOf(text);
    expect(at("3 of 4 findings fixed by 2 upgrades.")).toBeGreaterThan(-1);
    expect(at(rebuild.message)).toBeGreaterThan(at("3 of 4 findings"));
    expect(html).toContain('href="/diff?from=base-1&amp;to=base-2"');
    expect(html).toContain('href="/projects/project-7"');
    expect(at("openssl")).toBeGreaterThan(at(rebuild.message));
    expect(at("junit:junit")).toBeGreaterThan(at("openssl"));
    expect(at("Not fixed by any upgrade")).toBeGreaterThan(at("junit:junit"));
  });

  it("gives OS upgrades their command as code, language upgrades their manifests", () => {
    const html = render({ plan, rebuild: [], severities });
    expect(html).toContain("<code>apt-get install --only-upgrade libssl3=3.0.11-1~deb12u2</code>");
    expect(html).toMatch(/<ul[^>]*aria-label="manifests of junit:junit"[^>]*><li>\/app\/pom.xml/);
    expect(html).toContain('<span class="badge sev-high">high</span> 2 findings');
    expect(html).toContain("3.0.11-1~deb12u1 → 3.0.11-1~deb12u2");
    expect(html).toContain('<ul class="plain notes"><li>a test dependency</li></ul>');
    expect(html).toContain("the distribution will not fix it");
    expect(html).not.toContain("Rebuild on a newer base");
  });

  it("has table headers and headings for each part", () => {
    const html = render({ plan, rebuild: [rebuild], severities });
    for (const h of ["#", "Package", "Upgrade", "Fixes", "How", "Notes", "Why"])
      expect(html).toContain(`<th>${h}</th>`);
    for (const id of ["plan-rebuild", "plan-upgrades", "plan-unfixed"])
      expect(html).toMatch(new RegExp(`aria-labelledby="${id}".*<h2 id="${id}">`));
  });

  it("says plainly when the server holds no vulnerability data", () => {
    const html = render({ plan: null, rebuild: [], severities });
    expect(html).toContain("the server holds no vulnerability data yet");
    expect(html).not.toContain("<table>");
  });
});
