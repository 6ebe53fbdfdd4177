import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { defaultSources, resolveDbDir } from "@lading/scanner";
import {
  defaultConfig,
  loadDemo,
  type RunningServer,
  type ServerConfig,
  startServer,
  waitForDemo,
} from "@lading/server";
import type { Command } from "commander";

// The web UI as built in this checkout (packages/web/dist), served unless --static-dir says otherwise.
const builtUi = fileURLToPath(new URL("../../../web/dist/", import.meta.url));
const defaultStaticDir = () => (existsSync(join(builtUi, "index.html")) ? builtUi : undefined);
// The demo data shipped in this checkout: a real image, real lockfiles and the advisories they need.
const bundledDemo = fileURLToPath(new URL("../../../../examples/demo/demo.json", import.meta.url));

interface ServerFlags {
  host: string;
  port: string;
  dataDir?: string;
  demo?: boolean | string;
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
      "where the embedded database lives (default: ./lading-data, with --demo ./lading-demo)",
    )
    .option(
      "--demo [manifest]",
      "load the bundled demo advisories and scans first (offline; kept apart in ./lading-demo)",
    )
    .option("--database <url>", "postgres://... to use PostgreSQL instead of the embedded SQLite")
    .option(
      "--static-dir <dir>",
      "serve the web UI's files from this directory (default: the built @lading/web, when present)",
    )
    .option("--max-upload <mib>", "largest SBOM (or any request body) accepted, in MiB", "32")
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
      const demo = flags.demo === true ? bundledDemo : flags.demo || undefined;
      const dataDir = flags.dataDir ?? join(process.cwd(), demo ? "lading-demo" : "lading-data");
      const config = defaultConfig({
        host: flags.host,
        port: Number(flags.port),
        dataDir,
        databaseUrl: flags.database ?? process.env.LADING_DATABASE_URL,
        staticDir: flags.staticDir ?? defaultStaticDir(),
        maxUploadBytes: Number(flags.maxUpload) * 1024 * 1024,
        dbUpdateIntervalMs: Number(flags.updateInterval) * 60_000,
        jobLeaseMs: Number(process.env.LADING_JOB_LEASE_MS ?? 60_000),
        publicUrl: flags.publicUrl,
        // The demo keeps its advisories beside its data, away from the user's own database.
        vulnDbDir: demo && !flags.db ? join(dataDir, "vulndb") : resolveDbDir(flags.db),
        vulnDbSources: flags.offline || demo ? [] : defaultSources,
        adminPassword: process.env.LADING_ADMIN_PASSWORD,
        // A first look should show the link, not the log; LADING_LOG_LEVEL brings it back.
        logLevel: process.env.LADING_LOG_LEVEL ?? (demo ? "warn" : "info"),
      });
      const server = demo ? await startDemo(config, demo) : await startServer(config);
      if (!demo) process.stderr.write(`lading server: ${server.url}\n`);
      if (server.setupUrl)
        process.stderr.write(`create the admin account (one-time link): ${server.setupUrl}\n`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}

/** Loads the demo data, starts the server and waits until the demo snapshots are matched. */
async function startDemo(config: ServerConfig, manifest: string): Promise<RunningServer> {
  process.stderr.write(`loading the demo data (${manifest})...\n`);
  const loaded = await loadDemo(config, manifest);
  const server = await startServer(config);
  const counts = await waitForDemo(config, loaded.manifest);
  process.stderr.write(
    `demo data: ${counts.projects} projects, ${counts.snapshots} snapshots, ` +
      `${counts.findings} findings, ${loaded.advisories} advisories (in ${config.dataDir})\n`,
  );
  process.stderr.write(`Lading is running at ${server.url}\n`);
  return server;
}
