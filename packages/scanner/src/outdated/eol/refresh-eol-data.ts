import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type EolFetchState, readEolState, writeEolState } from "./eol-state.js";
import { parseCycles } from "./parse-cycles.js";
import { eolProducts } from "./products.js";

/** The endoflife.date API the dates are refreshed from. */
export const EOL_API_BASE = "https://endoflife.date/api";

/** Options of {@link refreshEolData}. */
export interface RefreshEolOptions {
  /** Products to fetch; defaults to every product Lading ships dates for. */
  products?: readonly string[];
  /** API base URL, without the trailing slash; defaults to {@link EOL_API_BASE}. */
  baseUrl?: string;
  /** Clock, for the `fetchedAt` stamps. */
  now?: () => Date;
  /** Per-request timeout in milliseconds; defaults to 60 s. */
  timeoutMs?: number;
}

/** What happened to one product: a new file, the same one confirmed, or a failure kept apart. */
export interface EolRefreshOutcome {
  product: string;
  outcome: "updated" | "unchanged" | "failed";
  /** Cycles in the file now in place (updated) or why the refresh failed. */
  cycles?: number;
  reason?: string;
}

/**
 * Fetches `<baseUrl>/<product>.json` for each product into `dir` (`refreshedEolDir(dbDir)`),
 * with conditional requests (`If-None-Match`, `If-Modified-Since`) from the last answer, so
 * an unchanged file costs a 304. A download is checked before it replaces the file in place: a
 * failed request or an unreadable answer leaves the previous file, and is reported, not thrown.
 */
export async function refreshEolData(
  fetch: typeof globalThis.fetch,
  dir: string,
  options: RefreshEolOptions = {},
): Promise<EolRefreshOutcome[]> {
  await mkdir(dir, { recursive: true });
  const state = await readEolState(dir);
  const outcomes: EolRefreshOutcome[] = [];
  for (const product of options.products ?? eolProducts.map((p) => p.name)) {
    outcomes.push(await refreshProduct(fetch, dir, product, state, options));
  }
  await writeEolState(dir, state);
  return outcomes;
}

async function refreshProduct(
  fetch: typeof globalThis.fetch,
  dir: string,
  product: string,
  state: EolFetchState,
  options: RefreshEolOptions,
): Promise<EolRefreshOutcome> {
  const url = `${options.baseUrl ?? EOL_API_BASE}/${encodeURIComponent(product)}.json`;
  const fetchedAt = (options.now?.() ?? new Date()).toISOString();
  try {
    const response = await fetch(url, {
      headers: conditionalHeaders(state[product]),
      signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
    });
    if (response.status === 304 && state[product]) {
      state[product] = { ...state[product], fetchedAt };
      return { product, outcome: "unchanged" };
    }
    if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
    const cycles = await storeAnswer(await response.text(), join(dir, `${product}.json`));
    state[product] = { fetchedAt, ...validators(response.headers) };
    return { product, outcome: "updated", cycles };
  } catch (err) {
    return { product, outcome: "failed", reason: `${url}: ${describe(err)}` };
  }
}

function conditionalHeaders(previous: EolFetchState[string] | undefined): Record<string, string> {
  const headers: Record<string, string> = { accept: "application/json", "user-agent": "lading" };
  if (previous?.etag) headers["if-none-match"] = previous.etag;
  if (previous?.lastModified) headers["if-modified-since"] = previous.lastModified;
  return headers;
}

/** Checks the answer reads as cycles, then swaps it in; returns how many cycles it holds. */
async function storeAnswer(body: string, path: string): Promise<number> {
  const parsed = parseCycles(JSON.parse(body));
  if (parsed.cycles.length === 0) throw new Error("the answer holds no readable release cycle");
  await writeFile(`${path}.tmp`, body);
  await rename(`${path}.tmp`, path);
  return parsed.cycles.length;
}

function validators(headers: Headers): { etag?: string; lastModified?: string } {
  const etag = headers.get("etag") ?? undefined;
  const lastModified = headers.get("last-modified") ?? undefined;
  return { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
}

function describe(err: unknown): string {
  const error = err as Error & { cause?: unknown };
  return error.cause ? `${error.message} (${String(error.cause)})` : error.message;
}
