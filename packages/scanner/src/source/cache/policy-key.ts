import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * The scanner's version, from its package.json (two folders up from both `src/source/cache`
 * and `dist/source/cache`).
 */
const SCANNER_VERSION: string = (() => {
  try {
    const url = new URL("../../../package.json", import.meta.url);
    return String(JSON.parse(readFileSync(url, "utf8")).version);
  } catch {
    return "unknown";
  }
})();

/**
 * Names a capture policy for the layer cache: the scanner's version and each reader's name and
 * size limit.
 * TODO: a cataloger that changes which paths it wants without a scanner version bump reuses
 * stale cached layers (missing its new files) until the version changes or `--no-cache` is given.
 */
export function capturePolicyKey(readers: { name: string; maxFileSize: number }[]): string {
  const parts = readers.map((r) => `${r.name}@${r.maxFileSize}`).sort();
  return createHash("sha256")
    .update([SCANNER_VERSION, ...parts].join("\n"))
    .digest("hex");
}
