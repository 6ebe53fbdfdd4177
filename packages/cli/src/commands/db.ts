import {
  type DbConfig,
  importAdvisories,
  loadDbConfig,
  openVulnDb,
  resolveDbDir,
  type SourceReport,
  updateVulnDb,
  type VulnDbStatus,
} from "@lading/scanner";
import type { Command } from "commander";

interface DbOptions {
  db?: string;
  config?: string;
}

/** `lading db import|update|status`: the local vulnerability database. */
export function registerDbCommand(program: Command): void {
  const db = program
    .command("db")
    .description("manage the local vulnerability database")
    .option("--db <dir>", "data directory (default: $LADING_DB_DIR, else the user cache dir)")
    .option("--config <file>", "config file with a db: section (default: ./.lading.yaml)");
  db.command("import")
    .description("import OSV records (dir, JSON, all.zip), Alpine secdb or Debian tracker data")
    .argument("<path-or-url...>", "files, directories, zips or http(s) URLs")
    .action(async (inputs: string[]) => {
      const reports = await importAdvisories(resolveDbDir(db.opts<DbOptions>().db), inputs);
      printReports(reports);
    });
  db.command("update")
    .description("fetch the configured sources (conditional requests) and swap them in")
    .action(async () => {
      const config = await configOf(db.opts<DbOptions>());
      printReports(await updateVulnDb(resolveDbDir(db.opts<DbOptions>().db), config.sources));
    });
  db.command("status")
    .description("sources, record counts, last update; warns when the data is old")
    .option("--json", "print the status as JSON")
    .action(async (options: { json?: boolean }) => {
      const opts = db.opts<DbOptions>();
      const config = await configOf(opts);
      const vulnDb = openVulnDb(resolveDbDir(opts.db));
      try {
        const status = vulnDb.status();
        if (options.json) process.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        else process.stdout.write(formatStatus(status));
        const warning = staleWarning(status, config.maxAgeHours, new Date());
        if (warning) process.stderr.write(`lading: warning: ${warning}\n`);
      } finally {
        vulnDb.close();
      }
    });
}

function configOf(options: DbOptions): Promise<DbConfig> {
  return loadDbConfig(options.config ?? ".lading.yaml", options.config !== undefined);
}

function printReports(reports: SourceReport[]): void {
  for (const r of reports) {
    const skipped = r.skipped.length > 0 ? `, ${r.skipped.length} skipped` : "";
    const what = r.outcome === "not-modified" ? "not modified" : `${r.records} records${skipped}`;
    process.stdout.write(`${r.name}: ${what}\n`);
    for (const s of r.skipped.slice(0, 5))
      process.stdout.write(`  skipped ${s.path}: ${s.reason}\n`);
  }
}

/** The status as lines: the file, then one line per source. */
export function formatStatus(status: VulnDbStatus): string {
  const lines = [
    `database: ${status.path} (schema ${status.schemaVersion})`,
    `built: ${status.builtAt ?? "unknown"}`,
    `advisories: ${status.advisories} (${status.affected} affected packages)`,
    "sources:",
    ...status.sources.map((s) => `  ${s.name}: ${s.records} records, updated ${s.updatedAt}`),
  ];
  return `${lines.join("\n")}\n`;
}

/** A warning when the oldest source was loaded more than `maxAgeHours` ago. */
export function staleWarning(
  status: VulnDbStatus,
  maxAgeHours: number,
  now: Date,
): string | undefined {
  const times = status.sources.map((s) => Date.parse(s.updatedAt)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return "the database holds no source";
  const ageHours = (now.getTime() - Math.min(...times)) / 3_600_000;
  if (ageHours <= maxAgeHours) return undefined;
  return `vulnerability data is ${Math.floor(ageHours / 24)} days old (max-age ${maxAgeHours}h); run "lading db update"`;
}
