/**
 * Which outside programs a test needs, and what to do when one is missing: skip with a warning,
 * or fail when LADING_REQUIRE_TEST_IMAGES is set (CI, where every tool must be installed).
 */
import { spawnSync } from "node:child_process";

/** Whether every tool is on PATH; `reason` names the missing ones. */
export function checkTools(tools: string[]): { ok: boolean; reason: string } {
  const missing = tools.filter((t) => spawnSync("which", [t]).status !== 0);
  const reason = `missing ${missing.join(", ")} (run scripts/install-test-deps)`;
  return { ok: missing.length === 0, reason };
}

/**
 * True when the suite should be skipped. With LADING_REQUIRE_TEST_IMAGES set it never skips:
 * the suite runs and fails on the missing tool instead.
 */
export function skipWithoutTools(suite: string, tools: string[]): boolean {
  const check = checkTools(tools);
  if (check.ok || process.env.LADING_REQUIRE_TEST_IMAGES) return false;
  console.warn(`Skipping ${suite}: ${check.reason}`);
  return true;
}

/** Throws when a tool is missing, so a required suite fails on its first test. */
export function requireTools(tools: string[]): void {
  const check = checkTools(tools);
  if (!check.ok) throw new Error(check.reason);
}
