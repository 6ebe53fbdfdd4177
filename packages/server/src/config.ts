import { join } from "node:path";
import type { SourceConfig } from "@lading/scanner";

/** Everything the server needs to start; the CLI fills it from flags and the environment. */
export interface ServerConfig {
  host: string;
  port: number;
  /** Holds the embedded SQLite database and anything else the server keeps on disk. */
  dataDir: string;
  /** `postgres://...` to use PostgreSQL; absent for the embedded SQLite file. */
  databaseUrl?: string;
  /** Directory of static files served at `/` (the web UI); absent to serve none. */
  staticDir?: string;
  /** Largest SBOM accepted by the upload route, in bytes; no other route takes a larger body. */
  maxUploadBytes: number;
  /** How often the vulnerability data is refreshed; 0 turns the schedule off (offline use). */
  dbUpdateIntervalMs: number;
  /** A job whose worker has not reported for this long is taken over by another worker. */
  jobLeaseMs: number;
  /** Base URL printed in links (setup link); defaults to `http://host:port`. */
  publicUrl?: string;
  /** Password of the first admin, instead of the one-time setup link. */
  adminPassword?: string;
  /** The vulnerability database directory (as `lading db` uses with `--db`). */
  vulnDbDir: string;
  /** Feeds downloaded by the scheduled update; empty when offline (imports are still seen). */
  vulnDbSources: readonly SourceConfig[];
  logLevel: string;
}

/** Defaults for a local, single-machine server. */
export function defaultConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const dataDir = overrides.dataDir ?? join(process.cwd(), "lading-data");
  return {
    host: "127.0.0.1",
    port: 8480,
    dataDir,
    vulnDbDir: join(dataDir, "vulndb"),
    vulnDbSources: [],
    maxUploadBytes: 32 * 1024 * 1024,
    dbUpdateIntervalMs: 0,
    jobLeaseMs: 60_000,
    logLevel: "info",
    ...overrides,
  };
}

/** The URL people should open, as printed in the setup link. */
export function baseUrl(config: ServerConfig, port: number): string {
  return config.publicUrl ?? `http://${config.host}:${port}`;
}
