import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The end-of-life files shipped with the package (`data/eol/`). This module sits at the same
 * depth in `src/` and in `dist/`, so one relative path serves both.
 */
export function bundledEolDir(): string {
  return fileURLToPath(new URL("../../../data/eol/", import.meta.url));
}

/** Where `lading db update` keeps the refreshed end-of-life files, inside the data directory. */
export function refreshedEolDir(dbDir: string): string {
  return join(dbDir, "eol");
}

/** Name of the file that records, per product, when it was fetched and its HTTP validators. */
export const EOL_STATE_FILE = "state.json";
