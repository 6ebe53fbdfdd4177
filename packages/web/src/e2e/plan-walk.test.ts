/**
 * The Plan tab in Chromium against the real server, on SBOMs of the real Debian test images (a
 * derived image, its base, the base rebuilt later with gzip fixed; see the server's
 * test-harness/debian-plan.ts): the rebuild comes first and links to the bases' comparison,
 * then the upgrades with the apt-get command to copy.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeWithTestImages } from "../../../../test/support/test-images.js";
import { type Auth, call, eventually, login } from "../../../server/src/test-harness/client.js";
import { debianPlanInputs, GZIP } from "../../../server/src/test-harness/debian-plan.js";
import { tempDir } from "../../../server/src/test-harness/fixtures.js";
import {
  type ServerProcess,
  startServerProcess,
} from "../../../server/src/test-harness/server-process.js";
import { hasChromium, launchBrowser } from "./browser.js";

const web = fileURLToPath(new URL("../../", import.meta.url));
const shots = `${web}screenshots/`;
const password = "correct horse battery staple";
const suite = hasChromium()
  ? describeWithTestImages("the Plan tab walk on the Debian test image")
  : describe.skip;

suite("the Plan tab in Chromium", () => {
  let server: ServerProcess;
  let browser: BrowserContext;
  let page: Page;
  let admin: Auth;
  let appProject = "";

  const upload = async (project: string, text: string) => {
    const up = await call(server.url, "POST", `/api/snapshots?project=${project}`, admin, text);
    expect(up.status, JSON.stringify(up.body)).toBe(202);
    await eventually(async () => {
      const s = await call(server.url, "GET", `/api/snapshots/${up.body.id}`, admin);
      return s.body.state === "ready" ? true : undefined;
    }, 60_000);
    return up.body.projectId as string;
  };

  beforeAll(async () => {
    if (!existsSync(`${web}dist/index.html`))
      execFileSync("npm", ["run", "build"], { cwd: web, stdio: "inherit" });
    mkdirSync(shots, { recursive: true });
    const inputs = debianPlanInputs();
    server = await startServerProcess({
      dataDir: tempDir("web-plan"),
      vulnDbDir: inputs.vulnDb,
      env: { LADING_ADMIN_PASSWORD: password },
    });
    admin = await login(server.url, "admin", password);
    await upload("images/debian", inputs.base);
    appProject = await upload("apps/derived", inputs.derived);
    await upload("images/debian", inputs.rebuilt);
    browser = await launchBrowser();
    await browser.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: server.url,
    });
    page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("sums up the plan and puts the rebuild on the later base first", async () => {
    await page.goto(`${server.url}/projects/${appProject}?tab=plan`);
    const summary = page.getByTestId("plan-summary");
    await expect.poll(() => summary.textContent()).toBe("2 of 2 findings fixed by 2 upgrades.");
    const rebuild = page.getByRole("region", { name: "Rebuild on a newer base" });
    expect(await rebuild.textContent()).toMatch(
      /rebuild on images\/debian@\w{12} .* removes 1 finding/,
    );
    const headings = await page.getByRole("heading", { level: 2 }).allTextContents();
    expect(headings).toEqual(["Rebuild on a newer base", "Upgrades, best first"]);
    await page.screenshot({ path: `${shots}project-plan-rebuild.png`, fullPage: true });
  });

  it("gives each OS upgrade its apt-get command, which copies whole", async () => {
    const row = page.getByRole("row", { name: /gzip/ });
    expect(await row.textContent()).toContain(`${GZIP.installed} → ${GZIP.fixed}`);
    expect(await row.getByRole("link", { name: GZIP.id }).count()).toBe(1);
    const command = (await row.locator("code").textContent()) ?? "";
    expect(command).toMatch(/^apt-get install .*--only-upgrade.* gzip/);
    await row.getByRole("button", { name: "Copy" }).click();
    await row.getByRole("button", { name: "Copied" }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
  });

  it("links the rebuild to the comparison of the two bases, where gzip's finding is fixed", async () => {
    await page.getByRole("link", { name: "compare the bases" }).click();
    const fixed = page.getByRole("region", { name: "Findings fixed" });
    await expect.poll(() => fixed.textContent()).toContain(GZIP.id);
  });
});
