import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream } from "node:stream/web";
import { VulnDbError } from "./errors.js";

/** Validators of an earlier download, sent back so an unchanged file is not sent again. */
export interface Validators {
  etag?: string;
  lastModified?: string;
}

/** The outcome of a conditional download. */
export type FetchOutcome = { changed: false } | ({ changed: true } & Validators);

/**
 * Downloads `url` into `dest` with a conditional request (`If-None-Match`,
 * `If-Modified-Since`); a 304 answer leaves `dest` untouched. Any other non-2xx answer, or a
 * network failure, is a {@link VulnDbError} naming the URL.
 */
export async function fetchSource(
  url: string,
  dest: string,
  validators: Validators = {},
  timeoutMs = 15 * 60_000,
): Promise<FetchOutcome> {
  const headers: Record<string, string> = { "user-agent": "lading" };
  if (validators.etag) headers["if-none-match"] = validators.etag;
  if (validators.lastModified) headers["if-modified-since"] = validators.lastModified;
  const response = await fetch(url, { headers, signal: AbortSignal.timeout(timeoutMs) }).catch(
    (err: Error) => {
      throw new VulnDbError(`cannot fetch ${url}: ${err.cause ?? err.message}`, { cause: err });
    },
  );
  if (response.status === 304) return { changed: false };
  if (!response.ok || !response.body)
    throw new VulnDbError(`cannot fetch ${url}: HTTP ${response.status} ${response.statusText}`);
  await pipeline(Readable.fromWeb(response.body as ReadableStream), createWriteStream(dest));
  return {
    changed: true,
    etag: response.headers.get("etag") ?? undefined,
    lastModified: response.headers.get("last-modified") ?? undefined,
  };
}

/** A file name for a download that keeps the extension the format is read by. */
export function downloadName(url: string): string {
  const last = new URL(url).pathname.split("/").pop() ?? "";
  return /\.(zip|json|ya?ml)$/i.test(last) ? last : `${last || "download"}.json`;
}
