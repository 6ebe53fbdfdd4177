/** Debian's Chromium driven by playwright-core: no browser download, no network beyond loopback. */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const chromiumPath = process.env.LADING_CHROMIUM ?? "/usr/bin/chromium";

/**
 * True when Chromium is installed; false skips the browser tests, unless
 * LADING_REQUIRE_TEST_IMAGES is set, when a missing browser fails them instead.
 */
export function hasChromium(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.LADING_REQUIRE_TEST_IMAGES)
    throw new Error(`Chromium missing at ${chromiumPath}; run scripts/install-test-deps`);
  return false;
}

const flags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

/** A fresh browser profile in a temp dir, so no state leaks between runs. */
export function launchBrowser(): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), "lading-chromium-"));
  return chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    viewport: { width: 1280, height: 900 },
  });
}
