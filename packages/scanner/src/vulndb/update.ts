import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type Logger, silentLogger } from "../logger.js";
import type { SourceConfig } from "./config.js";
import { VulnDbError } from "./errors.js";
import { downloadName, fetchSource } from "./fetch-source.js";
import { type LoadReport, loadSource } from "./load-source.js";
import { type VulnDbWriter, writeVulnDb } from "./store/writer.js";

/** What happened to one source in an import or update. */
export interface SourceReport extends LoadReport {
  name: string;
  location: string;
  /** `not-modified`: the server answered 304 and the stored data was kept. */
  outcome: "loaded" | "not-modified";
}

/** Options of {@link importAdvisories} and {@link updateVulnDb}. */
export interface DbWriteOptions {
  logger?: Logger;
}

const isUrl = (input: string) => /^https?:\/\//i.test(input);

/**
 * Imports files, directories, zips or URLs into the database in `dir`, each as a source named
 * by its path or URL: importing the same input again replaces what it brought before. The
 * whole import is one atomic swap; a missing path or failed download leaves the old data.
 */
export async function importAdvisories(
  dir: string,
  inputs: readonly string[],
  options: DbWriteOptions = {},
): Promise<SourceReport[]> {
  const logger = options.logger ?? silentLogger;
  return writeVulnDb(dir, async (writer) => {
    const reports: SourceReport[] = [];
    for (const input of inputs) {
      const location = isUrl(input) ? input : resolve(input);
      if (!isUrl(input))
        await stat(location).catch(() => {
          throw new VulnDbError(`cannot import ${input}: no such file or directory`);
        });
      reports.push(await reload(writer, { name: location, url: location }, false));
      logger.info({ source: location, records: reports.at(-1)?.records }, "source imported");
    }
    return reports;
  });
}

/**
 * Fetches every configured source, with conditional requests so unchanged data is not
 * downloaded again, and swaps the result in atomically. A source that fails to download
 * fails the update and the old database stays as it was; sources no longer configured are
 * dropped.
 */
export async function updateVulnDb(
  dir: string,
  sources: readonly SourceConfig[],
  options: DbWriteOptions = {},
): Promise<SourceReport[]> {
  const logger = options.logger ?? silentLogger;
  return writeVulnDb(dir, async (writer) => {
    dropUnconfigured(writer, sources);
    const reports: SourceReport[] = [];
    for (const source of sources) {
      reports.push(await reload(writer, source, true));
      logger.info({ source: source.name, outcome: reports.at(-1)?.outcome }, "source updated");
    }
    return reports;
  });
}

function dropUnconfigured(writer: VulnDbWriter, sources: readonly SourceConfig[]): void {
  const names = new Set(sources.map((s) => s.name));
  const stored = writer.db.prepare("SELECT name FROM sources").all() as { name: string }[];
  for (const { name } of stored) if (!names.has(name)) writer.clearSource(name);
}

async function reload(
  writer: VulnDbWriter,
  source: SourceConfig,
  conditional: boolean,
): Promise<SourceReport> {
  if (!isUrl(source.url)) return replace(writer, source, source.url, {});
  const temp = await mkdtemp(join(tmpdir(), "lading-db-"));
  try {
    const file = join(temp, downloadName(source.url));
    const validators = conditional ? writer.validators(source.name) : {};
    const fetched = await fetchSource(source.url, file, validators);
    if (!fetched.changed)
      return {
        name: source.name,
        location: source.url,
        records: 0,
        skipped: [],
        outcome: "not-modified",
      };
    return await replace(writer, source, file, fetched);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

async function replace(
  writer: VulnDbWriter,
  source: SourceConfig,
  path: string,
  validators: { etag?: string; lastModified?: string },
): Promise<SourceReport> {
  writer.clearSource(source.name);
  const report = await loadSource(writer, source.name, path, source.url);
  writer.setSource({
    name: source.name,
    location: source.url,
    records: report.records,
    skipped: report.skipped.length,
    ...validators,
  });
  return { name: source.name, location: source.url, ...report, outcome: "loaded" };
}
