/**
 * End of life in the UI, in Chromium against the real server: an Alpine 3.10 image (past end
 * of life since 2021-05-01) and a Debian 12 image built 400 days ago; the dashboard counts one
 * EOL image and one stale one, and each project page shows its state and the image's age.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Auth, call, eventually, login } from "../../../server/src/test-harness/client.js";
import { fixture, tempDir } from "../../../server/src/test-harness/fixtures.js";
import {
  type ServerProcess,
  startServerProcess,
} from "../../../server/src/test-harness/server-process.js";
import { hasChromium, launchBrowser } from "./browser.js";

const web = fileURLToPath(new URL("../../", import.meta.url));
const shots = `${web}screenshots/`;
const password = "correct horse battery staple";
const DAY_MS = 86_400_000;

/** The Debian 12 SBOM as one of an image built `days` ago (the OCI `created` label). */
function debianBuiltDaysAgo(days: number): string {
  const sbom = JSON.parse(fixture("debian-12.cdx.json"));
  sbom.metadata.component.properties.push({
    name: "lading:image:label:org.opencontainers.image.created",
    value: new Date(Date.now() - days * DAY_MS).toISOString(),
  });
  return JSON.stringify(sbom);
}

describe.skipIf(!hasChromium())("end of life in the web UI", () => {
  let server: ServerProcess;
  let browser: BrowserContext;
  let page: Page;
  let admin: Auth;
  const projectIds: Record<string, string> = {};

  const upload = async (project: string, text: string) => {
    const up = await call(server.url, "POST", `/api/snapshots?project=${project}`, admin, text);
    expect(up.status).toBe(202);
    await eventually(async () => {
      const s = await call(server.url, "GET", `/api/snapshots/${up.body.id}`, admin);
      return s.body.state === "ready" ? true : undefined;
    });
    projectIds[project] = up.body.projectId;
  };

  beforeAll(async () => {
    if (!existsSync(`${web}dist/index.html`))
      execFileSync("npm", ["run", "build"], { cwd: web, stdio: "inherit" });
    mkdirSync(shots, { recursive: true });
    server = await startServerProcess({
      dataDir: tempDir("web-eol"),
      vulnDbDir: tempDir("web-eol-db"),
      env: { LADING_ADMIN_PASSWORD: password },
    });
    admin = await login(server.url, "admin", password);
    await upload("prod/legacy", fixture("alpine-310.cdx.json"));
    await upload("prod/current", debianBuiltDaysAgo(400));
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Dashboard" }).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("counts the EOL and stale images on the dashboard", async () => {
    await expect.poll(() => page.getByTestId("count-eol").textContent()).toBe("1");
    expect(await page.getByTestId("count-stale").textContent()).toBe("1");
  });

  it("shows an end-of-life project's state, with the date that decided it", async () => {
    await page.goto(`${server.url}/projects/${projectIds["prod/legacy"]}`);
    const state = page.getByTestId("eol-state");
    await expect.poll(() => state.textContent()).toBe("end of life");
    const summary = page.getByRole("region", { name: "latest snapshot" });
    expect(await summary.textContent()).toContain(
      "Alpine Linux v3.10: security support ended 2021-05-01",
    );
    expect(await page.getByTestId("image-age").textContent()).toContain("unknown");
    await page.screenshot({ path: `${shots}project-eol.png`, fullPage: true });
  });

  it("shows a Debian 12 image as still receiving security fixes, and its age", async () => {
    await page.goto(`${server.url}/projects/${projectIds["prod/current"]}`);
    const state = page.getByTestId("eol-state");
    // Debian 12: regular security support ended 2026-06-10, free LTS runs to 2028-06-30.
    const expected = Date.now() < Date.parse("2026-06-10") ? "supported" : "security fixes only";
    await expect.poll(() => state.textContent()).toBe(expected);
    expect(await page.getByTestId("image-age").textContent()).toBe("built 1 year ago (stale)");
  });

  it("says the plan waits for vulnerability data, which this server was given none of", async () => {
    await page.getByRole("tab", { name: "plan" }).click();
    const summary = page.getByTestId("plan-summary");
    await expect.poll(() => summary.textContent()).toContain("holds no vulnerability data yet");
    expect(await page.getByRole("table").count()).toBe(0);
  });
});
