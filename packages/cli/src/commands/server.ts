import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSources, resolveDbDir } from "@lading/scanner";
import { defaultConfig, startServer } from "@lading/server";
import type { Command } from "commander";

// The web UI as built in this checkout (packages/web/dist), served unless --static-dir says otherwise.
const builtUi = fileURLToPath(new URL("../../../web/dist/", import.meta.url));
const defaultStaticDir = () => (existsSync(join(builtUi, "index.html")) ? builtUi : undefined);

interface ServerFlags {
  host: string;
  port: string;
  dataDir: string;
  database?: string;
  staticDir?: string;
  maxUpload: string;
  updateInterval: string;
  publicUrl?: string;
  db?: string;
  offline?: boolean;
}

/** `lading server`: runs the API, the job worker and the monitoring schedule until stopped. */
export function registerServerCommand(program: Command): void {
  program
    .command("server")
    .description("run the Lading server (API, storage, monitoring)")
    .option("--host <addr>", "address to listen on", "127.0.0.1")
    .option("--port <n>", "port to listen on (0 picks a free one)", "8480")
    .option(
      "--data-dir <dir>",
      "where the embedded database lives",
      join(process.cwd(), "lading-data"),
    )
    .option("--database <url>", "postgres://... to use PostgreSQL instead of the embedded SQLite")
    .option(
      "--static-dir <dir>",
      "serve the web UI's files from this directory (default: the built @lading/web, when present)",
    )
    .option("--max-upload <mib>", "largest SBOM accepted, in MiB", "32")
    .option("--db <dir>", "vulnerability database directory (as for lading db; or LADING_DB_DIR)")
    .option(
      "--offline",
      "never download advisories; data added with lading db import is still used",
    )
    .option(
      "--update-interval <minutes>",
      "check for new vulnerability data this often and re-match when it changed; 0 = never",
      "360",
    )
    .option("--public-url <url>", "base URL used in printed links")
    .action(async (flags: ServerFlags) => {
      const config = defaultConfig({
        host: flags.host,
        port: Number(flags.port),
        dataDir: flags.dataDir,
        databaseUrl: flags.database ?? process.env.LADING_DATABASE_URL,
        staticDir: flags.staticDir ?? defaultStaticDir(),
        maxUploadBytes: Number(flags.maxUpload) * 1024 * 1024,
        dbUpdateIntervalMs: Number(flags.updateInterval) * 60_000,
        jobLeaseMs: Number(process.env.LADING_JOB_LEASE_MS ?? 60_000),
        publicUrl: flags.publicUrl,
        vulnDbDir: resolveDbDir(flags.db),
        vulnDbSources: flags.offline ? [] : defaultSources,
        adminPassword: process.env.LADING_ADMIN_PASSWORD,
        logLevel: process.env.LADING_LOG_LEVEL ?? "info",
      });
      const server = await startServer(config);
      process.stderr.write(`lading server: ${server.url}\n`);
      if (server.setupUrl)
        process.stderr.write(`create the admin account (one-time link): ${server.setupUrl}\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
