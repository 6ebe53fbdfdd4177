import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { EolCycle, EolData } from "../types.js";
import { bundledEolDir, EOL_STATE_FILE } from "./eol-dirs.js";
import { readEolState } from "./eol-state.js";
import { parseCycles } from "./parse-cycles.js";

/** Options of {@link loadEolData}. */
export interface LoadEolDataOptions {
  /** Files refreshed by `lading db update` (see `refreshedEolDir`); they win over the bundled. */
  refreshedDir?: string;
  /** The shipped files; defaults to the package's `data/eol/`. */
  bundledDir?: string;
}

/**
 * Loads the end-of-life dates: every `<product>.json` shipped with Lading, replaced product by
 * product by a refreshed copy when one is there and readable. A broken file or record is listed
 * in `skipped` and the rest are used, so bad data never hides the dates that are good.
 */
export async function loadEolData(options: LoadEolDataOptions = {}): Promise<EolData> {
  const products = new Map<string, readonly EolCycle[]>();
  const fetchedAt = new Map<string, string | undefined>();
  const skipped: { product: string; reason: string }[] = [];
  const bundled = await readDir(options.bundledDir ?? bundledEolDir(), skipped, true);
  for (const [name, cycles] of bundled) {
    products.set(name, cycles);
    fetchedAt.set(name, undefined);
  }
  if (options.refreshedDir) {
    const state = await readEolState(options.refreshedDir);
    for (const [name, cycles] of await readDir(options.refreshedDir, skipped, false)) {
      products.set(name, cycles);
      fetchedAt.set(name, state[name]?.fetchedAt);
    }
  }
  return { products, fetchedAt, skipped };
}

async function readDir(
  dir: string,
  skipped: { product: string; reason: string }[],
  required: boolean,
): Promise<Map<string, EolCycle[]>> {
  const found = new Map<string, EolCycle[]>();
  const names = await readdir(dir).catch((err: NodeJS.ErrnoException) => {
    if (required || err.code !== "ENOENT")
      skipped.push({ product: "*", reason: `${dir}: ${err.message}` });
    return [] as string[];
  });
  for (const file of names.filter((n) => n.endsWith(".json") && n !== EOL_STATE_FILE)) {
    const product = file.slice(0, -".json".length);
    const cycles = await readProduct(join(dir, file), product, skipped);
    if (cycles) found.set(product, cycles);
  }
  return found;
}

async function readProduct(
  path: string,
  product: string,
  skipped: { product: string; reason: string }[],
): Promise<EolCycle[] | undefined> {
  try {
    const parsed = parseCycles(JSON.parse(await readFile(path, "utf8")));
    for (const reason of parsed.skipped) skipped.push({ product, reason: `${path}: ${reason}` });
    return parsed.cycles;
  } catch (err) {
    skipped.push({ product, reason: `${path}: ${(err as Error).message}` });
    return undefined;
  }
}
