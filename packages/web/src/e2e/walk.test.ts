/**
 * End to end, as a new user would: the real server (built CLI, SQLite, real advisories) serves
 * the built UI by default; Chromium walks setup → sign-in → a CI token → uploads → dashboard →
 * project → findings → plan → triage → diff → revoke. Screenshots land in packages/web/screenshots/.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, eventually } from "../../../server/src/test-harness/client.js";
import {
  fixture,
  fixturePath,
  importAdvisories,
  tempDir,
} from "../../../server/src/test-harness/fixtures.js";
import {
  type ServerProcess,
  startServerProcess,
} from "../../../server/src/test-harness/server-process.js";
import { hasChromium, launchBrowser } from "./browser.js";

const web = fileURLToPath(new URL("../../", import.meta.url));
const shots = `${web}screenshots/`;
const password = "correct horse battery staple";
const project = "prod/host-1/app";

describe.skipIf(!hasChromium())("the web UI in Chromium", () => {
  let server: ServerProcess;
  let browser: BrowserContext;
  let page: Page;
  let ciToken = "";

  const shot = (name: string) => page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
  const upload = async (name: string) => {
    const up = await call(
      server.url,
      "POST",
      `/api/snapshots?project=${project}`,
      { bearer: ciToken },
      fixture(name),
    );
    expect(up.status).toBe(202);
    await eventually(async () => {
      const s = await call(server.url, "GET", `/api/snapshots/${up.body.id}`, { bearer: ciToken });
      return s.body.state === "ready" ? true : undefined;
    });
  };

  beforeAll(async () => {
    if (!existsSync(`${web}dist/index.html`))
      execFileSync("npm", ["run", "build"], { cwd: web, stdio: "inherit" });
    mkdirSync(shots, { recursive: true });
    const vulnDb = tempDir("web-vulndb");
    importAdvisories(vulnDb, fixturePath("advisories-first"));
    server = await startServerProcess({ dataDir: tempDir("web-data"), vulnDbDir: vulnDb });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("serves the UI from lading server by default and creates the admin from the setup link", async () => {
    const index = await fetch(`${server.url}/projects/anything`);
    expect(await index.text()).toContain('<div id="root">');
    await page.goto(server.setupUrl as string);
    await page.getByLabel("Admin username").fill("admin");
    await page.getByLabel("Password (12 characters or more)").fill(password);
    await page.getByLabel("Repeat the password").fill(password);
    await shot("setup");
    await page.getByRole("button", { name: "Create admin" }).click();
    await page.getByRole("heading", { name: "Admin created" }).waitFor();
    await page.getByRole("link", { name: "Go to sign in" }).click();
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill(password);
    await shot("login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });

  it("creates an API token, shown once, that CI uploads with", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("token name").fill("ci");
    await page.getByLabel("upload").check();
    await page.getByLabel("may create projects").check();
    await page.getByRole("button", { name: "Create token" }).click();
    ciToken = (await page.getByTestId("new-token").textContent()) ?? "";
    expect(ciToken).toMatch(/^lad_/);
    await upload("alpine-310.cdx.json");
    await upload("syft-dir-coverage.cdx.json");
  });

  it("shows the fleet's counts on the dashboard, in both themes", async () => {
    await page.getByRole("link", { name: "Dashboard" }).click();
    // CVE-2020-15250 (CVSS 3.1 4.4, medium) in junit 4.12 is the one finding of the latest snapshot.
    await expect.poll(() => page.getByTestId("count-medium").textContent()).toBe("1");
    expect(await page.getByTestId("count-total").textContent()).toBe("1");
    expect(await page.getByTestId("count-critical").textContent()).toBe("0");
    await page.getByRole("link", { name: project }).first().waitFor();
    expect(await page.getByTestId("data-freshness").textContent()).toMatch(
      /^1 advisories, updated/,
    );
    await shot("dashboard-light");
    await page.getByRole("button", { name: "switch to dark theme" }).click();
    await shot("dashboard-dark");
    await page.getByRole("button", { name: "switch to light theme" }).click();
  });

  it("opens the project from the list and filters its findings", async () => {
    await page.getByRole("link", { name: "Projects" }).click();
    await page.getByLabel("search projects").fill("host-1");
    await page.getByRole("link", { name: project }).click();
    await page.getByRole("heading", { name: project }).waitFor();
    const row = page.getByRole("row", { name: /CVE-2020-15250/ });
    await expect.poll(() => row.textContent()).toContain("junit@4.12");
    expect(await row.textContent()).toContain("4.13.1");
    await page.getByLabel("severity").selectOption("critical");
    await page.getByText("No findings match.").waitFor();
    await page.getByLabel("severity").selectOption("medium");
    await row.waitFor();
    await shot("project-findings");
    await page.getByRole("tab", { name: "components" }).click();
    await page.getByLabel("search components").fill("junit");
    await expect.poll(() => page.getByRole("row", { name: /junit/ }).count()).toBe(1);
  });

  it("plans the upgrade that fixes the finding", async () => {
    await page.getByRole("tab", { name: "plan" }).click();
    const summary = page.getByTestId("plan-summary");
    await expect.poll(() => summary.textContent()).toBe("1 of 1 finding fixed by 1 upgrade.");
    await page.getByRole("heading", { name: "Upgrades, best first" }).waitFor();
    const row = page.getByRole("row", { name: /junit/ });
    expect(await row.textContent()).toContain("4.12 → 4.13.1");
    expect(await row.getByRole("link", { name: "CVE-2020-15250" }).count()).toBe(1);
    expect(await row.locator(".badge").textContent()).toBe("medium");
    // A Maven package's fix is made in the manifest that declares it, which the plan names.
    expect(await row.getByRole("list", { name: "manifests of junit:junit" }).textContent()).toBe(
      "/rootfs/pkgs/java/pom.xml",
    );
    expect(await page.getByRole("heading", { name: "Not fixed by any upgrade" }).count()).toBe(0);
    await shot("project-plan");
  });

  it("triages the finding, and the analysis survives a reload and a new snapshot", async () => {
    await page.getByRole("tab", { name: "findings" }).click();
    await page.getByRole("link", { name: "CVE-2020-15250" }).click();
    await page.getByText("TemporaryFolder on unix-like systems").waitFor();
    await page.getByRole("button", { name: "Triage" }).click();
    await page.getByLabel("Analysis").selectOption("not_affected");
    await page.getByLabel("Justification").selectOption("code_not_reachable");
    await page.getByLabel("Comment").fill("tests only; junit never ships");
    await page.getByRole("button", { name: "Save analysis" }).click();
    await page.getByRole("status").filter({ hasText: "Saved" }).waitFor();
    await shot("vulnerability");
    await upload("syft-dir-coverage.cdx.json");
    await page.reload();
    const affected = page.locator(".affected li").first();
    await expect.poll(() => affected.textContent()).toContain("not affected");
    await page.getByRole("button", { name: "Triage" }).click();
    const history = page.getByRole("list", { name: "triage history" });
    await expect.poll(() => history.textContent()).toContain("admin");
    expect(await history.textContent()).toContain("tests only; junit never ships");
  });

  it("compares two snapshots", async () => {
    await page.getByRole("link", { name: project }).first().click();
    await page.getByRole("tab", { name: "history" }).click();
    const boxes = page.getByRole("checkbox");
    await expect.poll(() => boxes.count()).toBe(3);
    await boxes.nth(2).check();
    await boxes.nth(1).check();
    await page.getByRole("button", { name: "Compare selected" }).click();
    // From the Alpine image to the Java directory: junit's finding is introduced.
    const introduced = page.getByRole("region", { name: "Findings introduced" });
    await expect.poll(() => introduced.textContent()).toContain("CVE-2020-15250");
    expect(await page.getByRole("region", { name: "Components removed" }).textContent()).toContain(
      "musl",
    );
    await shot("diff");
  });

  it("revokes the CI token, after which the server refuses it", async () => {
    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("button", { name: "Revoke ci" }).click();
    await page.getByText(/revoked/).waitFor();
    const refused = await call(server.url, "GET", "/api/projects", { bearer: ciToken });
    expect(refused.status).toBe(401);
    await shot("settings");
  });

  it("fits a narrow screen in the dark theme", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("button", { name: "switch to dark theme" }).click();
    await page.getByRole("link", { name: "Projects" }).click();
    await page.getByRole("link", { name: project }).click();
    await page.getByRole("row", { name: /CVE-2020-15250/ }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot("project-narrow-dark");
  });
});
