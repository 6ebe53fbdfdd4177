import { readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EOL_STATE_FILE } from "./eol-dirs.js";

/** What is remembered of one product's last download. */
export interface ProductFetchState {
  /** When the file was last confirmed current (a 200 or a 304), RFC 3339. */
  fetchedAt: string;
  etag?: string;
  lastModified?: string;
}

/** Per product, its fetch state. */
export type EolFetchState = Record<string, ProductFetchState>;

/** Reads the state file of a refreshed directory; a missing or broken one is an empty state. */
export async function readEolState(dir: string): Promise<EolFetchState> {
  try {
    const doc: unknown = JSON.parse(await readFile(join(dir, EOL_STATE_FILE), "utf8"));
    return typeof doc === "object" && doc !== null && !Array.isArray(doc)
      ? (doc as EolFetchState)
      : {};
  } catch {
    // Losing the state only costs one unconditional download per product.
    return {};
  }
}

/** Writes the state file through a temporary file, so a crash never leaves half of it. */
export async function writeEolState(dir: string, state: EolFetchState): Promise<void> {
  const path = join(dir, EOL_STATE_FILE);
  await writeFile(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${path}.tmp`, path);
}
